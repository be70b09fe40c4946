package org.storygraph.ingest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.storygraph.ingest.ColumnMapping.Field;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON Lines ({@code .jsonl}, {@code .ndjson}): one JSON object a line with the front matter's field names
 * ({@code title, excerpt, publishedDateTime, webUrl, ampWebUrl, provider {name, domain}, topics, images [{url}],
 * related [...]}, type, category, quality, heat) or the CSV names of {@link ColumnMapping}. A line that is not a JSON
 * object, or whose article is bad, fails alone with its line number; blank lines are skipped. Related entries are
 * read as in front matter: a bad one is skipped with a warning.
 */
final class JsonLinesItemReader implements ItemReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ColumnMapping mapping;
    private final int maxBytes;

    JsonLinesItemReader(ColumnMapping mapping, int maxBytes) {
        this.mapping = mapping;
        this.maxBytes = maxBytes;
    }

    @Override
    public boolean accepts(String fileName, String contentType) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return true;
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("application/x-ndjson") || type.startsWith("application/jsonl")
                || type.startsWith("application/x-jsonlines") || type.startsWith("application/jsonlines");
    }

    @Override
    public ParsedFile read(String path, byte[] bytes) throws BadFileException {
        String text = FrontMatterDecoder.text(bytes, maxBytes);
        String[] lines = text.split("\\r\\n|\\r|\\n", -1);
        List<ParsedItem> items = new ArrayList<>();
        List<LoadReport.FileFailure> failures = new ArrayList<>();
        Set<String> ignored = new LinkedHashSet<>();
        for (int i = 0; i < lines.length; i++) {
            int line = i + 1;
            if (lines[i].isBlank()) {
                continue;
            }
            Object value;
            try {
                value = JSON.readValue(lines[i], Object.class);
            } catch (JacksonException e) {
                failures.add(new LoadReport.FileFailure(path, line, "line skipped: invalid JSON: "
                        + TextCleaner.abbreviate(e.getOriginalMessage())));
                continue;
            }
            if (!(value instanceof Map<?, ?> object)) {
                failures.add(new LoadReport.FileFailure(path, line, "line skipped: a line must hold a JSON object"));
                continue;
            }
            List<LoadReport.Warning> warnings = new ArrayList<>();
            ItemFields fields = new ItemFields(path, warnings);
            try {
                Map<Field, Object> values = values(object, ignored);
                ArticleRecord article = fields.article(values, true, line, false);
                List<ArticleRecord.Related> related = new ArrayList<>();
                if (object.get("related") instanceof List<?> entries) {
                    int rank = 0;
                    for (Object entry : entries) {
                        rank++;
                        if (!(entry instanceof Map<?, ?> entryMap)) {
                            warnings.add(new LoadReport.Warning(path, line, "related entry " + rank
                                    + " is not an object: skipped"));
                            continue;
                        }
                        int before = warnings.size();
                        try {
                            ArticleRecord r = fields.article(values(entryMap, new LinkedHashSet<>()), false, line,
                                    false);
                            if (r.url().equals(article.url())) {
                                warnings.subList(before, warnings.size()).clear();
                                warnings.add(new LoadReport.Warning(path, line, "related entry " + rank
                                        + " points at the item itself: skipped"));
                                continue;
                            }
                            related.add(new ArticleRecord.Related(r, rank));
                        } catch (BadFileException e) {
                            warnings.subList(before, warnings.size()).clear();
                            warnings.add(new LoadReport.Warning(path, line, "related entry " + rank + " skipped: "
                                    + e.getMessage()));
                        }
                    }
                }
                items.add(new ParsedItem(article, List.copyOf(related), List.copyOf(warnings)));
            } catch (BadFileException e) {
                failures.add(new LoadReport.FileFailure(path, e.line(), "line skipped: " + e.getMessage()));
            }
        }
        List<LoadReport.Warning> fileWarnings = ignored.isEmpty() ? List.of()
                : List.of(new LoadReport.Warning(path, 0, "keys ignored (no article field): "
                        + String.join(", ", ignored)));
        return new ParsedFile(items, failures, fileWarnings);
    }

    /** An object's values by field; {@code provider} and {@code images} unfolded as in front matter. */
    private Map<Field, Object> values(Map<?, ?> object, Set<String> ignored) {
        List<String> keys = object.keySet().stream().map(String::valueOf).toList();
        Map<Field, String> resolved = mapping.resolve(keys);
        Map<Field, Object> values = new EnumMap<>(Field.class);
        resolved.forEach((field, key) -> values.put(field, object.get(key)));
        if (object.get("provider") instanceof Map<?, ?> provider) {
            values.putIfAbsent(Field.SOURCE, provider.get("name"));
            values.putIfAbsent(Field.DOMAIN, provider.get("domain"));
        } else if (object.get("provider") instanceof String name) {
            values.putIfAbsent(Field.SOURCE, name);
        }
        if (!values.containsKey(Field.IMAGE) && object.get("images") instanceof List<?> images) {
            for (Object image : images) {
                if (image instanceof Map<?, ?> m && ItemFields.text(m.get("url")) != null) {
                    values.put(Field.IMAGE, m.get("url"));
                    break;
                }
            }
        }
        // a boolean "published" (the front matter's publication flag) is no time
        if (values.get(Field.PUBLISHED) instanceof Boolean) {
            values.remove(Field.PUBLISHED);
        }
        ignored.addAll(ColumnMapping.ignored(keys, resolved).stream()
                .filter(k -> !(object.get(k) instanceof Boolean && k.equalsIgnoreCase("published"))).toList());
        return values;
    }
}
