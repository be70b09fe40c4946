package org.storygraph.common;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides article identity: two URLs name the same article exactly when their canonical forms are equal.
 * <ul>
 *   <li>only absolute {@code http}/{@code https} URLs are accepted; scheme and host are lower-cased, a leading
 *       {@code www.} and a trailing dot of the host are dropped, IDN hosts are written in ASCII (punycode);</li>
 *   <li>default ports (80 for http, 443 for https), user info, fragments ({@code #...}, except {@code #!} routes)
 *       and a trailing slash of the path are dropped; {@code .} and {@code ..} segments are resolved;</li>
 *   <li>percent-escapes are normalised (upper-case hex, unreserved characters decoded, characters that are not
 *       legal in a URL encoded as UTF-8);</li>
 *   <li>tracking parameters ({@code utm_*}, {@code partner}, {@code fbclid}, ... see {@link #TRACKING}) are removed,
 *       HTML-escaped separators ({@code &amp;amp;}) are read as {@code &amp;}, remaining parameters are sorted.</li>
 * </ul>
 * The function is idempotent: {@code canonicalize(canonicalize(u)) == canonicalize(u)}.
 */
public final class UrlCanonicalizer {

    /** Query parameters that identify a campaign or referrer, never the article. */
    static final Set<String> TRACKING = Set.of("partner", "fbclid", "gclid", "dclid", "gclsrc", "msclkid", "yclid",
            "mc_cid", "mc_eid", "igshid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "ref_src", "cmpid", "ocid",
            "ncid", "smid", "smtyp", "s_cid", "soc_src", "soc_trk", "xtor", "wt.mc_id", "__twitter_impression",
            "sr_share");
    /** Parameter-name prefixes of tracking families ({@code utm_source}, {@code ns_campaign}, {@code pk_kwd}). */
    static final List<String> TRACKING_PREFIXES = List.of("utm_", "ns_", "pk_");

    private static final Pattern URL = Pattern.compile(
            "^([A-Za-z][A-Za-z0-9+.-]*)://([^/?#]*)([^?#]*)(\\?[^#]*)?(#.*)?$", Pattern.DOTALL);
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
    /** Longest URL accepted, as written and as canonicalised (escaping can make it longer). */
    static final int MAX_LENGTH = 4096;

    private UrlCanonicalizer() {
    }

    /**
     * @throws InvalidUrlException when the text is not an absolute http(s) URL with a host
     */
    public static String canonicalize(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidUrlException("empty URL");
        }
        String text = raw.strip();
        if (text.length() > MAX_LENGTH) {
            throw new InvalidUrlException("URL longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new InvalidUrlException("control character in URL");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidUrlException("URL is not valid Unicode text (unpaired surrogate)");
            }
        }
        Matcher schemeOnly = SCHEME.matcher(text);
        if (schemeOnly.find() && !schemeOnly.group(1).equalsIgnoreCase("http")
                && !schemeOnly.group(1).equalsIgnoreCase("https")) {
            throw new InvalidUrlException("unsupported URL scheme '" + abbreviate(schemeOnly.group(1))
                    + "' (only http and https)");
        }
        Matcher m = URL.matcher(text);
        if (!m.matches()) {
            throw new InvalidUrlException("not an absolute URL: " + abbreviate(text));
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidUrlException("unsupported URL scheme '" + abbreviate(scheme) + "' (only http and https)");
        }
        String authority = m.group(2);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = authority.substring(at + 1);
        }
        String host = authority;
        String port = "";
        if (!authority.startsWith("[")) {
            int colon = authority.lastIndexOf(':');
            if (colon >= 0) {
                host = authority.substring(0, colon);
                port = authority.substring(colon + 1);
            }
        } else {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw new InvalidUrlException("malformed IPv6 host");
            }
            host = authority.substring(0, close + 1);
            String rest = authority.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                throw new InvalidUrlException("unexpected '" + abbreviate(rest) + "' after the IPv6 host");
            }
            port = rest.isEmpty() ? "" : rest.substring(1);
        }
        host = UrlHosts.normalize(host);
        if (!port.isEmpty()) {
            if (!port.chars().allMatch(c -> c >= '0' && c <= '9') || port.length() > 5) {
                throw new InvalidUrlException("invalid port '" + abbreviate(port) + "'");
            }
            int p = Integer.parseInt(port);
            if (p == 0 || p > 65535) {
                throw new InvalidUrlException("invalid port " + p);
            }
            port = (scheme.equals("http") && p == 80) || (scheme.equals("https") && p == 443) ? "" : ":" + p;
        }
        String path = normalizePath(m.group(3));
        String query = normalizeQuery(m.group(4));
        String fragment = m.group(5) != null && m.group(5).startsWith("#!")
                ? "#" + encode(m.group(5).substring(1), FRAGMENT_SAFE) : "";
        String canonical = scheme + "://" + host + port + path + query + fragment;
        if (canonical.length() > MAX_LENGTH) {
            // else the canonical form would itself be refused: canonicalisation must be idempotent
            throw new InvalidUrlException("URL longer than " + MAX_LENGTH + " characters once escaped");
        }
        return canonical;
    }

    /** The provider key: lower-case host without {@code www.}. */
    public static String domainOf(String canonicalUrl) {
        Matcher m = URL.matcher(canonicalUrl);
        if (!m.matches()) {
            throw new InvalidUrlException("not an absolute URL: " + abbreviate(canonicalUrl));
        }
        String authority = m.group(2);
        int colon = authority.startsWith("[") ? authority.indexOf("]:") + 1 : authority.lastIndexOf(':');
        return colon > 0 ? authority.substring(0, colon) : authority;
    }

    /** Normalises a provider domain the same way hosts are normalised. */
    public static String normalizeDomain(String domain) {
        String d = domain.strip();
        int scheme = d.indexOf("://");
        if (scheme >= 0) {
            d = d.substring(scheme + 3);
        }
        int slash = d.indexOf('/');
        if (slash >= 0) {
            d = d.substring(0, slash);
        }
        return UrlHosts.normalize(d);
    }

    private static String normalizePath(String rawPath) {
        if (rawPath.isEmpty()) {
            return "";
        }
        List<String> out = new ArrayList<>();
        for (String segment : rawPath.split("/", -1)) {
            String s = encode(segment, PATH_SAFE);
            if (s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                if (out.size() > 1) {
                    out.removeLast();
                }
                continue;
            }
            out.add(s);
        }
        String path = String.join("/", out);
        if (!path.startsWith("/")) {
            path = "/" + path;
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }

    private static String normalizeQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.length() <= 1) {
            return "";
        }
        String q = rawQuery.substring(1).replace("&amp;", "&");
        List<String[]> params = new ArrayList<>();
        for (String pair : q.split("[&;]")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = encode(eq < 0 ? pair : pair.substring(0, eq), QUERY_SAFE);
            String value = eq < 0 ? null : encode(pair.substring(eq + 1), QUERY_SAFE);
            String key = name.toLowerCase(Locale.ROOT);
            if (TRACKING.contains(key) || TRACKING_PREFIXES.stream().anyMatch(key::startsWith)) {
                continue;
            }
            params.add(new String[] {name, value});
        }
        if (params.isEmpty()) {
            return "";
        }
        params.sort(Comparator.<String[], String>comparing(p -> p[0])
                .thenComparing(p -> p[1] == null ? "" : p[1]));
        StringBuilder sb = new StringBuilder("?");
        for (String[] p : params) {
            if (sb.length() > 1) {
                sb.append('&');
            }
            sb.append(p[0]);
            if (p[1] != null) {
                sb.append('=').append(p[1]);
            }
        }
        return sb.toString();
    }

    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
    private static final String PATH_SAFE = UNRESERVED + "!$&'()*+,;=:@";
    private static final String QUERY_SAFE = UNRESERVED + "!$'()*+,:@/?";
    private static final String FRAGMENT_SAFE = UNRESERVED + "!$&'()*+,;=:@/?";

    /**
     * Re-encodes one component: existing escapes are decoded and re-encoded only when needed, so escapes of
     * reserved characters survive (upper-cased) and escapes of unreserved characters disappear.
     */
    private static String encode(String component, String safe) {
        StringBuilder sb = new StringBuilder(component.length() + 8);
        byte[] bytes = component.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if (b == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
                int decoded = Integer.parseInt(new String(bytes, i + 1, 2, StandardCharsets.US_ASCII), 16);
                if (decoded < 0x80 && UNRESERVED.indexOf(decoded) >= 0) {
                    sb.append((char) decoded);
                } else {
                    sb.append('%').append(hex(decoded));
                }
                i += 2;
            } else if (b < 0x80 && safe.indexOf(b) >= 0) {
                sb.append((char) b);
            } else {
                sb.append('%').append(hex(b));
            }
        }
        return sb.toString();
    }

    static String percentDecodeAll(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
                out.write(Integer.parseInt(new String(bytes, i + 1, 2, StandardCharsets.US_ASCII), 16));
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }

    private static String hex(int b) {
        return "" + Character.toUpperCase(Character.forDigit(b >> 4, 16))
                + Character.toUpperCase(Character.forDigit(b & 0xf, 16));
    }

    static String abbreviate(String s) {
        return s.codePointCount(0, s.length()) <= 80 ? s : s.substring(0, s.offsetByCodePoints(0, 77)) + "...";
    }
}
