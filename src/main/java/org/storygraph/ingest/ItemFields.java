package org.storygraph.ingest;

import static org.storygraph.ingest.TextCleaner.abbreviate;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.storygraph.common.InvalidUrlException;
import org.storygraph.common.UrlCanonicalizer;
import org.storygraph.ingest.ColumnMapping.Field;

/**
 * An article from plain field values (a CSV row, a JSON line), validated as front matter is (see
 * {@link ArticleFields}): a title and a URL are required, the URL is canonicalised, the time parsed by
 * {@link FeedTimes}, text cleaned by {@link TextCleaner}. Values are strings, or for JSON numbers, booleans and lists.
 */
final class ItemFields {

    private final String file;
    private final List<LoadReport.Warning> warnings;

    ItemFields(String file, List<LoadReport.Warning> warnings) {
        this.file = file;
        this.warnings = warnings;
    }

    private void warn(int line, String message) {
        warnings.add(new LoadReport.Warning(file, line, message));
    }

    /**
     * @param values {@link Field} to value; {@link Field#TOPICS} a list, or text split on {@code ;} when
     *               {@code splitTopics}
     * @throws BadFileException for a missing title or URL, an invalid URL, an unreadable time
     */
    ArticleRecord article(Map<Field, Object> values, boolean full, int line, boolean splitTopics)
            throws BadFileException {
        String title = TextCleaner.clean(text(values.get(Field.TITLE)));
        if (title == null) {
            throw new BadFileException(line, "missing or empty 'title'");
        }
        String rawUrl = text(values.get(Field.URL));
        if (rawUrl == null || rawUrl.isBlank()) {
            throw new BadFileException(line, "missing or empty 'url'");
        }
        String url;
        try {
            url = UrlCanonicalizer.canonicalize(rawUrl);
        } catch (InvalidUrlException e) {
            throw new BadFileException(line, "invalid 'url': " + e.getMessage());
        }
        Instant publishedAt = null;
        String time = text(values.get(Field.PUBLISHED));
        if (time != null && !time.isBlank()) {
            List<String> notes = new ArrayList<>();
            try {
                publishedAt = FeedTimes.parse(time, notes);
            } catch (DateTimeParseException e) {
                throw new BadFileException(line, "invalid 'published' time: " + e.getMessage());
            }
            notes.forEach(n -> warn(line, "published: " + n));
        }
        return new ArticleRecord(url, rawUrl.strip(), title, TextCleaner.clean(text(values.get(Field.EXCERPT))),
                publishedAt, TextCleaner.clean(text(values.get(Field.TYPE))),
                TextCleaner.clean(text(values.get(Field.CATEGORY))), integer(values, Field.QUALITY, line),
                integer(values, Field.HEAT, line), optionalUrl(values, Field.AMP_URL, line),
                optionalUrl(values, Field.IMAGE, line), provider(values, url, line),
                topics(values.get(Field.TOPICS), splitTopics), full, line);
    }

    /** A scalar as text; lists and objects are not text (null). */
    static String text(Object value) {
        if (value == null || value instanceof Collection<?> || value instanceof Map<?, ?>) {
            return null;
        }
        String s = value.toString();
        return s.isBlank() ? null : s;
    }

    private Integer integer(Map<Field, Object> values, Field field, int line) {
        Object value = values.get(field);
        if (value instanceof Number n) {
            return (int) Math.round(n.doubleValue());
        }
        String s = text(value);
        if (s == null) {
            return null;
        }
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            warn(line, "'" + field.key + "' is not a whole number ('" + abbreviate(s) + "'): ignored");
            return null;
        }
    }

    private String optionalUrl(Map<Field, Object> values, Field field, int line) {
        String s = text(values.get(field));
        if (s == null) {
            return null;
        }
        try {
            UrlCanonicalizer.canonicalize(s);
            return s.strip();
        } catch (InvalidUrlException e) {
            warn(line, "'" + field.key + "' ignored: " + e.getMessage());
            return null;
        }
    }

    /** Domain from the domain column, else the source's URL (Media Cloud's media_url), else the article's host. */
    private ArticleRecord.ProviderRecord provider(Map<Field, Object> values, String url, int line) {
        String domain = null;
        for (Field field : List.of(Field.DOMAIN, Field.SOURCE_URL)) {
            String given = text(values.get(field));
            if (domain == null && given != null) {
                try {
                    domain = UrlCanonicalizer.normalizeDomain(given);
                } catch (InvalidUrlException e) {
                    warn(line, "'" + field.key + "' '" + abbreviate(given) + "' is invalid: domain taken from the URL");
                }
            }
        }
        if (domain == null) {
            domain = UrlCanonicalizer.domainOf(url);
        }
        String name = TextCleaner.clean(text(values.get(Field.SOURCE)));
        return new ArticleRecord.ProviderRecord(domain, name == null ? domain : name);
    }

    private static List<String> topics(Object value, boolean split) {
        List<String> raw = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            list.forEach(v -> raw.add(text(v)));
        } else if (text(value) != null) {
            raw.addAll(split ? List.of(text(value).split(";")) : List.of(text(value)));
        }
        Set<String> topics = new LinkedHashSet<>();
        for (String t : raw) {
            String topic = TextCleaner.clean(t);
            if (topic != null && topic.length() <= 200) {
                topics.add(topic);
            }
        }
        return List.copyOf(topics);
    }
}
