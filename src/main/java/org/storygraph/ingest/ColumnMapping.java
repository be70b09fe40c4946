package org.storygraph.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Which CSV column (or JSON Lines key) holds which article field. Columns are recognised by name, case-insensitively:
 * the built-in names cover Media Cloud story lists (the older API export and the current search export), StoryGraph's
 * own article export, the front matter's field names and a generic set; a mapping file ({@code --mapping FILE},
 * YAML {@code field: column}) names the columns of anything else and wins over the built-in names.
 */
public final class ColumnMapping {

    /** An article field, with its name in mapping files and the column names recognised without one. */
    enum Field {
        TITLE("title", "title", "headline"),
        URL("url", "webUrl", "url", "link"),
        AMP_URL("ampUrl", "ampWebUrl", "amp_url"),
        PUBLISHED("published", "publishedDateTime", "publishedAt", "publish_date", "published", "date", "pubDate"),
        SOURCE("source", "media_name", "providerName", "source", "publisher"),
        DOMAIN("domain", "providerDomain", "domain"),
        SOURCE_URL("sourceUrl", "media_url"),
        EXCERPT("excerpt", "excerpt", "description", "summary"),
        TOPICS("topics", "topics"),
        IMAGE("image", "imageUrl", "image_url", "image"),
        TYPE("type", "type"),
        CATEGORY("category", "category"),
        QUALITY("quality", "quality"),
        HEAT("heat", "heat");

        final String key;
        final List<String> columns;

        Field(String key, String... columns) {
            this.key = key;
            this.columns = Arrays.stream(columns).map(c -> c.toLowerCase(Locale.ROOT)).toList();
        }
    }

    /**
     * Columns of the known exports that hold nothing an article keeps (ids, language, the export's story and lag):
     * read past without a warning.
     */
    static final Set<String> KNOWN_UNUSED = Set.of("stories_id", "id", "processed_stories_id", "media_id",
            "language", "ap_syndicated", "collect_date", "indexed_date", "guid", "themes", "word_count",
            "articleid", "storyid", "lagminutes", "duplicateof", "provider", "images", "related", "cdnampweburl",
            "secured", "feeds_id");

    /** No mapping file: the built-in names only. */
    public static final ColumnMapping BUILT_IN = new ColumnMapping(Map.of());

    private final Map<Field, String> named;

    private ColumnMapping(Map<Field, String> named) {
        Map<Field, String> copy = new EnumMap<>(Field.class);
        copy.putAll(named);
        this.named = Collections.unmodifiableMap(copy);
    }

    /**
     * Reads a mapping file: a YAML mapping from field names (title, url, published, source, domain, sourceUrl,
     * excerpt, topics, ampUrl, image, type, category, quality, heat) to column names.
     *
     * @throws IllegalArgumentException naming the problem when the file is not such a mapping
     */
    public static ColumnMapping read(Path file) throws IOException {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(Files.readString(file, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("mapping file " + file + " is not valid YAML: " + e.getMessage());
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("mapping file " + file + " must be a YAML mapping of field: column");
        }
        Map<Field, String> named = new LinkedHashMap<>();
        for (var e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            Field field = Arrays.stream(Field.values()).filter(f -> f.key.equalsIgnoreCase(key)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("mapping file " + file + ": unknown field '"
                            + key + "'; fields are " + fieldNames()));
            if (!(e.getValue() instanceof String column) || column.isBlank()) {
                throw new IllegalArgumentException("mapping file " + file + ": field '" + key
                        + "' must name a column");
            }
            named.put(field, column.strip());
        }
        return new ColumnMapping(named);
    }

    /** A mapping from field names to columns, as a mapping file holds it. */
    static ColumnMapping of(Map<String, String> fieldToColumn) {
        Map<Field, String> named = new EnumMap<>(Field.class);
        fieldToColumn.forEach((k, v) -> named.put(Arrays.stream(Field.values()).filter(f -> f.key.equals(k))
                .findFirst().orElseThrow(), v));
        return new ColumnMapping(named);
    }

    static String fieldNames() {
        return Arrays.stream(Field.values()).map(f -> f.key).collect(Collectors.joining(", "));
    }

    /** The column named for {@code field} by the mapping file, or null. */
    String named(Field field) {
        return named.get(field);
    }

    /**
     * Which of {@code names} (a CSV header or a JSON object's keys) holds each field: the mapping file's column when
     * present, else the first built-in name present, compared case-insensitively.
     */
    Map<Field, String> resolve(List<String> names) {
        Map<String, String> byLower = new LinkedHashMap<>();
        for (String name : names) {
            if (name != null) {
                byLower.putIfAbsent(name.strip().toLowerCase(Locale.ROOT), name);
            }
        }
        Map<Field, String> resolved = new EnumMap<>(Field.class);
        for (Field field : Field.values()) {
            String mapped = named.get(field);
            if (mapped != null && byLower.containsKey(mapped.toLowerCase(Locale.ROOT))) {
                resolved.put(field, byLower.get(mapped.toLowerCase(Locale.ROOT)));
                continue;
            }
            for (String column : field.columns) {
                if (byLower.containsKey(column) && !resolved.containsValue(byLower.get(column))) {
                    resolved.put(field, byLower.get(column));
                    break;
                }
            }
        }
        return resolved;
    }

    /** Names among {@code names} that no field took and that are not known to hold nothing: to be reported. */
    static List<String> ignored(List<String> names, Map<Field, String> resolved) {
        return names.stream()
                .filter(n -> n != null && !n.isBlank())
                .filter(n -> !resolved.containsValue(n))
                .filter(n -> !KNOWN_UNUSED.contains(n.strip().toLowerCase(Locale.ROOT)))
                .distinct()
                .toList();
    }
}
