package org.storygraph.common;

import org.storygraph.common.ArticleIds;

import org.storygraph.common.InvalidUrlException;

import org.storygraph.common.UrlCanonicalizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * {@link UrlCanonicalizer#canonicalize} on arbitrary text: it returns or throws {@link InvalidUrlException}, nothing
 * else; the result is idempotent and parses as a {@link URI}; and canonical equality is article identity — spellings
 * the loading rules call equal (case of scheme and host, {@code www.}, default port, trailing slash, fragment,
 * tracking parameters, parameter order, escapes of unreserved characters) canonicalise equally and so get the same
 * {@link ArticleIds id}, while a mutated URL that canonicalises differently gets a different id.
 *
 * <p>Inputs are bytes: {@code canonicalizeText} reads them as UTF-8 (the committed inputs are plain URLs), and its
 * last byte also picks the equivalent spelling and the mutation to try; {@code canonicalizeCodeUnits} reads pairs of
 * bytes as UTF-16 code units, so it also produces unpaired surrogates and other text UTF-8 cannot carry.
 */
class UrlCanonicalizerFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void canonicalizeText(byte[] bytes) {
        String raw = new String(bytes, StandardCharsets.UTF_8);
        String canonical = checkContract(raw);
        if (canonical == null) {
            return;
        }
        int choice = bytes[bytes.length - 1] & 0xff;

        String variant = equivalentSpelling(canonical, choice);
        if (variant != null && variant.strip().length() <= UrlCanonicalizer.MAX_LENGTH) {
            assertThat(UrlCanonicalizer.canonicalize(variant)).as("equivalent spelling %s", variant)
                    .isEqualTo(canonical);
            assertThat(ArticleIds.of(UrlCanonicalizer.canonicalize(variant))).isEqualTo(ArticleIds.of(canonical));
        }

        String mutated = mutate(canonical, bytes);
        String other;
        try {
            other = UrlCanonicalizer.canonicalize(mutated);
        } catch (InvalidUrlException e) {
            return;
        }
        if (other.equals(canonical)) {
            assertThat(ArticleIds.of(other)).isEqualTo(ArticleIds.of(canonical));
        } else {
            assertThat(ArticleIds.of(other)).as("id of %s vs %s", other, canonical)
                    .isNotEqualTo(ArticleIds.of(canonical));
        }
    }

    @FuzzTest(maxDuration = "5m")
    void canonicalizeCodeUnits(byte[] bytes) {
        char[] chars = new char[bytes.length / 2];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) (((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff));
        }
        checkContract(new String(chars));
    }

    /** The canonical form, or null when the text is rightly refused. */
    private static String checkContract(String raw) {
        String canonical;
        try {
            canonical = UrlCanonicalizer.canonicalize(raw);
        } catch (InvalidUrlException e) {
            assertThat(e.getMessage()).isNotBlank();
            return null;
        }
        assertThat(UrlCanonicalizer.canonicalize(canonical)).as("idempotent").isEqualTo(canonical);
        assertThat(canonical).startsWith("http");
        assertThat(canonical.chars().allMatch(c -> c > 0x20 && c < 0x7f)).as("printable ASCII: %s", canonical)
                .isTrue();
        assertThatCode(() -> {
            URI uri = new URI(canonical);
            assertThat(uri.getScheme()).isIn("http", "https");
        }).as("parses as a URI: %s", canonical).doesNotThrowAnyException();
        String domain = UrlCanonicalizer.domainOf(canonical);
        assertThat(domain).isNotBlank();
        if (domain.startsWith("www.")) {
            assertThat(domain.indexOf('.', 4)).as("www. kept only before a last label: %s", domain).isNegative();
        }
        return canonical;
    }

    /**
     * The same article written differently, by one of the loading rules; null when the rule does not apply to this
     * URL (a {@code www.} prefix only on names with a dot, not on IP addresses).
     */
    static String equivalentSpelling(String canonical, int choice) {
        int hostStart = canonical.indexOf("://") + 3;
        int hostEnd = hostStart;
        while (hostEnd < canonical.length() && "/?#".indexOf(canonical.charAt(hostEnd)) < 0) {
            hostEnd++;
        }
        String scheme = canonical.substring(0, hostStart - 3);
        String authority = canonical.substring(hostStart, hostEnd);
        String rest = canonical.substring(hostEnd);
        int hash = rest.indexOf('#');
        String beforeFragment = hash < 0 ? rest : rest.substring(0, hash);
        boolean fragment = hash >= 0;
        boolean hasPort = authority.startsWith("[") ? authority.contains("]:") : authority.contains(":");
        return switch (choice % 10) {
            case 0 -> scheme.toUpperCase(Locale.ROOT) + "://" + authority.toUpperCase(Locale.ROOT) + rest;
            case 1 -> authority.contains(".") && !authority.startsWith("[") && !authority.matches("[0-9.:]+")
                    ? scheme + "://www." + authority + rest : null;
            case 2 -> hasPort ? null : scheme + "://" + authority + (scheme.equals("https") ? ":443" : ":80") + rest;
            case 3 -> fragment || beforeFragment.contains("?") ? null : canonical + "/";
            case 4 -> fragment ? null : canonical + "#section-2";
            case 5 -> fragment ? null
                    : canonical + (beforeFragment.contains("?") ? "&" : "?") + "utm_source=newsletter&fbclid=x1";
            case 6 -> fragment ? null : canonical + (beforeFragment.contains("?") ? "&" : "?")
                    + "utm_medium=social&utm_campaign=2020";
            case 7 -> percentEncodeFirstUnreserved(canonical, hostEnd);
            case 8 -> canonical.contains("%") ? lowerCaseEscapes(canonical) : null;
            default -> "  " + scheme + "://user:secret@" + authority + rest + "\t";
        };
    }

    /** {@code /a-b} as {@code /%61-b}: an escaped unreserved character in the path means the character itself. */
    private static String percentEncodeFirstUnreserved(String canonical, int pathStart) {
        for (int i = pathStart; i < canonical.length(); i++) {
            char c = canonical.charAt(i);
            if (c == '?' || c == '#') {
                return null;
            }
            if (c == '%') {
                i += 2; // inside an escape a character is not itself
                continue;
            }
            if (Character.isLetterOrDigit(c) && c < 0x80) {
                return canonical.substring(0, i) + String.format("%%%02x", (int) c) + canonical.substring(i + 1);
            }
        }
        return null;
    }

    /** {@code %2F} as {@code %2f}: escapes are case-insensitive. */
    private static String lowerCaseEscapes(String canonical) {
        StringBuilder sb = new StringBuilder(canonical);
        for (int i = canonical.indexOf('%'); i >= 0 && i + 2 < canonical.length(); i = canonical.indexOf('%', i + 1)) {
            sb.setCharAt(i + 1, Character.toLowerCase(canonical.charAt(i + 1)));
            sb.setCharAt(i + 2, Character.toLowerCase(canonical.charAt(i + 2)));
        }
        return sb.toString();
    }

    /** One character of the canonical URL replaced, inserted or removed, as the input's first bytes choose. */
    private static String mutate(String canonical, byte[] bytes) {
        int position = bytes.length > 1 ? (bytes[0] & 0xff) * 31 + (bytes[1] & 0xff) : bytes[0] & 0xff;
        position %= canonical.length() + 1;
        char replacement = (char) (0x21 + (bytes[bytes.length / 2] & 0xff) % 0x5e);
        return switch ((bytes[bytes.length - 1] & 0xff) / 10 % 3) {
            case 0 -> canonical.substring(0, position) + replacement + canonical.substring(position);
            case 1 -> position < canonical.length()
                    ? canonical.substring(0, position) + replacement + canonical.substring(position + 1)
                    : canonical + replacement;
            default -> position < canonical.length()
                    ? canonical.substring(0, position) + canonical.substring(position + 1)
                    : canonical.substring(0, canonical.length() - 1);
        };
    }
}
