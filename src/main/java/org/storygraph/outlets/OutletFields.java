package org.storygraph.outlets;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.storygraph.common.InvalidUrlException;
import org.storygraph.common.UrlCanonicalizer;
import org.storygraph.outlets.ImportReport.RejectedRow;

/**
 * The checks and normal forms of an outlet's fields, the same for every file format. A row with any bad field is
 * rejected whole, with one problem per bad field; a missing value stays null.
 */
final class OutletFields {

    /** The fields of an outlet, in the column order of the CSV format. */
    static final List<String> NAMES = List.of("domain", "name", "country", "language", "mediaType", "owner",
            "collections");

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s_]+");
    /** Collections in one text field are separated by {@code ;} or {@code |}. */
    static final Pattern COLLECTION_SEPARATOR = Pattern.compile("[;|]");
    private static final int MAX_TEXT = 200;
    private static final int MAX_MEDIA_TYPE = 40;

    private final UnaryOperator<String> providerKey;

    /** @param providerKey the provider key of a normalised domain ({@code OutletsProperties.providerKey}) */
    OutletFields(UnaryOperator<String> providerKey) {
        this.providerKey = providerKey;
    }

    /**
     * The row, or null when a field is bad (its problems added to {@code problems}).
     *
     * @param values      text of the fields by name (null or blank: absent)
     * @param collections collection names as given
     */
    OutletRow row(int line, Map<String, String> values, List<String> collections, List<RejectedRow> problems) {
        int before = problems.size();
        String domain = domain(line, values.get("domain"), problems);
        String name = text(line, "name", values.get("name"), problems);
        String owner = text(line, "owner", values.get("owner"), problems);
        String country = code(line, "country", values.get("country"), true, problems);
        String language = code(line, "language", values.get("language"), false, problems);
        String mediaType = mediaType(line, values.get("mediaType"), problems);
        List<String> names = collections(line, collections, problems);
        return problems.size() > before ? null
                : new OutletRow(line, domain, name, country, language, mediaType, owner, names);
    }

    /** Normalises a media type as imported: lower case, blanks and underscores as hyphens. */
    static String normalizeMediaType(String text) {
        String t = blankToNull(text);
        return t == null ? null : SEPARATORS.matcher(t.toLowerCase(Locale.ROOT)).replaceAll("-");
    }

    private String domain(int line, String text, List<RejectedRow> problems) {
        String t = blankToNull(text);
        if (t == null) {
            problems.add(new RejectedRow(line, "domain", "missing: every outlet needs its domain"));
            return null;
        }
        try {
            return providerKey.apply(UrlCanonicalizer.normalizeDomain(t));
        } catch (InvalidUrlException e) {
            problems.add(new RejectedRow(line, "domain", "'" + abbreviate(t) + "' is not a domain: "
                    + e.getMessage()));
            return null;
        }
    }

    private static String text(int line, String field, String text, List<RejectedRow> problems) {
        String t = blankToNull(text);
        if (t != null && t.length() > MAX_TEXT) {
            problems.add(new RejectedRow(line, field, "longer than " + MAX_TEXT + " characters"));
            return null;
        }
        return t;
    }

    private static String code(int line, String field, String text, boolean country, List<RejectedRow> problems) {
        String t = blankToNull(text);
        if (t == null) {
            return null;
        }
        String code = country ? t.toUpperCase(Locale.ROOT) : t.toLowerCase(Locale.ROOT);
        if (!(country ? COUNTRIES : LANGUAGES).contains(code) || code.length() != 2) {
            problems.add(new RejectedRow(line, field, "'" + abbreviate(t) + "' is not "
                    + (country ? "an ISO 3166-1 alpha-2 country code (e.g. US, GB for the United Kingdom)"
                            : "an ISO 639-1 language code (e.g. en, de)")));
            return null;
        }
        return code;
    }

    private static String mediaType(int line, String text, List<RejectedRow> problems) {
        String t = normalizeMediaType(text);
        if (t != null && (t.length() > MAX_MEDIA_TYPE || !MEDIA_TYPE.matcher(t).matches())) {
            problems.add(new RejectedRow(line, "mediaType", "'" + abbreviate(text.strip()) + "' is not a media type: "
                    + "letters, digits and hyphens (wire, national, regional, local, digital-native, broadcast, …)"));
            return null;
        }
        return t;
    }

    private static List<String> collections(int line, List<String> given, List<RejectedRow> problems) {
        Set<String> names = new LinkedHashSet<>();
        for (String g : given) {
            String t = blankToNull(g);
            if (t == null) {
                continue;
            }
            if (t.length() > MAX_TEXT) {
                problems.add(new RejectedRow(line, "collections", "collection name longer than " + MAX_TEXT
                        + " characters"));
                continue;
            }
            names.add(t);
        }
        return new ArrayList<>(names);
    }

    static String blankToNull(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        return t.isEmpty() ? null : t;
    }

    static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
