package org.storygraph.ingest;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads one news item from YAML front matter between two {@code ---} lines.
 *
 * <p>SnakeYAML only <em>composes</em> the document into a node tree (no object construction, so no tags can
 * instantiate anything), with explicit limits on aliases, nesting depth and size. The item is then read field by
 * field from the nodes, which keeps each node's line for error messages.
 *
 * <p>Fatal for the file: not UTF-8, binary content, no or unterminated front matter, invalid YAML, duplicate keys,
 * a front matter that is not a mapping, a missing/empty {@code title} or {@code webUrl}, an invalid URL, an
 * unparsable {@code publishedDateTime}. Normalised with a warning: a time without zone (UTC assumed), a date without
 * time (midnight UTC), a missing provider or domain (taken from the URL host), numbers written as strings, a single
 * topic written as text; a related entry that is itself bad, or points at the item itself, is skipped.
 * Text is Unicode-normalised (NFC) with control characters removed and whitespace collapsed.
 */
final class FrontMatterParser {

    private static final DateTimeFormatter OFFSET_NO_COLON = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .appendOffset("+HHMM", "Z")
            .toFormatter();

    private final int maxBytes;
    private final int maxAliases;
    private final int maxNestingDepth;

    FrontMatterParser(int maxBytes, int maxAliases, int maxNestingDepth) {
        this.maxBytes = maxBytes;
        this.maxAliases = maxAliases;
        this.maxNestingDepth = maxNestingDepth;
    }

    ParsedItem parse(String file, byte[] bytes) throws BadFileException {
        if (bytes.length > maxBytes) {
            throw new BadFileException(0, "file is " + bytes.length + " bytes, more than the limit of " + maxBytes);
        }
        String text = decode(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.indexOf('\0') >= 0) {
            throw new BadFileException(0, "binary content (NUL bytes): not a text file");
        }
        String[] lines = text.split("\\r\\n|\\r|\\n", -1);
        int open = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            if (lines[i].stripTrailing().equals("---")) {
                open = i;
            }
            break;
        }
        if (open < 0) {
            throw new BadFileException(1, "no front matter: the file must start with a '---' line");
        }
        int close = -1;
        for (int i = open + 1; i < lines.length; i++) {
            String l = lines[i].stripTrailing();
            if (l.equals("---") || l.equals("...")) {
                close = i;
                break;
            }
        }
        if (close < 0) {
            throw new BadFileException(open + 1, "unterminated front matter: no closing '---' line");
        }
        String yaml = String.join("\n", java.util.Arrays.asList(lines).subList(open + 1, close));
        int lineOffset = open + 2; // YAML line 0 is file line open + 2 (1-based)
        Node root = compose(yaml, lineOffset);
        if (root == null) {
            throw new BadFileException(open + 1, "empty front matter");
        }
        List<LoadReport.Warning> warnings = new ArrayList<>();
        Reader reader = new Reader(file, lineOffset, warnings);
        if (!(root instanceof MappingNode mapping)) {
            throw new BadFileException(reader.line(root), "front matter is " + kind(root) + ", expected a mapping");
        }
        Map<String, NodeTuple> fields = reader.fields(mapping, true);
        ArticleRecord article = reader.article(fields, true, reader.line(root));
        List<ArticleRecord.Related> related = new ArrayList<>();
        NodeTuple relatedField = fields.get("related");
        if (relatedField != null && !isNull(relatedField.getValueNode())) {
            Node value = relatedField.getValueNode();
            if (value instanceof SequenceNode seq) {
                int rank = 0;
                for (Node entry : seq.getValue()) {
                    rank++;
                    int line = reader.line(entry);
                    if (!(entry instanceof MappingNode entryMap)) {
                        reader.warn(line, "related entry " + rank + " is " + kind(entry) + ", not a mapping: skipped");
                        continue;
                    }
                    // warnings about an entry that is then skipped would only be noise: keep the skip reason
                    int warningsBefore = warnings.size();
                    try {
                        ArticleRecord r = reader.article(reader.fields(entryMap, true), false, line);
                        if (r.url().equals(article.url())) {
                            warnings.subList(warningsBefore, warnings.size()).clear();
                            reader.warn(line, "related entry " + rank + " points at the item itself: skipped");
                            continue;
                        }
                        related.add(new ArticleRecord.Related(r, rank));
                    } catch (BadFileException e) {
                        warnings.subList(warningsBefore, warnings.size()).clear();
                        reader.warn(e.line(), "related entry " + rank + " skipped: " + e.getMessage());
                    }
                }
            } else {
                reader.warn(reader.line(value), "'related' is " + kind(value) + ", not a list: ignored");
            }
        }
        return new ParsedItem(article, List.copyOf(related), List.copyOf(warnings));
    }

    private static String decode(byte[] bytes) throws BadFileException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (MalformedInputException e) {
            int offset = firstMalformedOffset(bytes);
            int line = 1;
            for (int i = 0; i < offset && i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new BadFileException(line, "not valid UTF-8 text (bad byte at offset " + offset + ")");
        } catch (CharacterCodingException e) {
            throw new BadFileException(0, "not valid UTF-8 text");
        }
    }

    private static int firstMalformedOffset(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        var out = java.nio.CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : bytes.length;
    }

    private Node compose(String yaml, int lineOffset) throws BadFileException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(maxAliases);
        options.setNestingDepthLimit(maxNestingDepth);
        options.setCodePointLimit(Math.max(maxBytes, 1024));
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        try {
            return new Yaml(options).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? 0 : mark.getLine() + lineOffset;
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() != null ? e.getContext() + ": " : "";
            throw new BadFileException(line, "invalid YAML: " + context + problem);
        } catch (YAMLException e) {
            throw new BadFileException(0, "invalid YAML: " + firstLine(e.getMessage()));
        } catch (StackOverflowError e) {
            throw new BadFileException(0, "invalid YAML: nesting too deep");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    static boolean isNull(Node node) {
        return node == null || (node instanceof ScalarNode s && (Tag.NULL.equals(s.getTag())
                || (s.getValue().isEmpty() && s.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN)));
    }

    static String kind(Node node) {
        return switch (node) {
            case MappingNode m -> "a mapping";
            case SequenceNode s -> "a list";
            case ScalarNode s -> "a scalar";
            default -> "an unknown node";
        };
    }

    /** Times as written in news feeds: ISO-8601 with or without zone, with a space or a T, or a date alone. */
    static Instant parseTime(String text, List<String> notes) {
        String s = text.strip();
        try {
            return OffsetDateTime.parse(s.replace(' ', 'T'), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException ignored) {
            // next format
        }
        String t = s.replaceFirst("^(\\d{4}-\\d{2}-\\d{2}) ", "$1T");
        try {
            return OffsetDateTime.parse(t, OFFSET_NO_COLON).toInstant();
        } catch (DateTimeParseException ignored) {
            // next format
        }
        try {
            Instant instant = LocalDateTime.parse(t, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
            notes.add("time without zone, UTC assumed");
            return instant;
        } catch (DateTimeParseException ignored) {
            // next format
        }
        try {
            Instant instant = LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
            notes.add("date without time, midnight UTC assumed");
            return instant;
        } catch (DateTimeParseException e) {
            throw new DateTimeParseException("unparsable date/time '" + abbreviate(s) + "'", s, 0);
        }
    }

    static String cleanText(String raw) {
        if (raw == null) {
            return null;
        }
        String s = Normalizer.normalize(raw, Normalizer.Form.NFC);
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                space = sb.length() > 0;
                continue;
            }
            if (Character.isISOControl(c) || c == '\u200b' || c == '\u2028' || c == '\u2029') {
                continue;
            }
            if (space) {
                sb.append(' ');
                space = false;
            }
            sb.append(c);
        }
        String cleaned = sb.toString();
        return cleaned.isEmpty() ? null : cleaned;
    }

    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    /** Reads item fields from nodes, remembering lines and collecting warnings for one file. */
    private static final class Reader {
        private final String file;
        private final int lineOffset;
        private final List<LoadReport.Warning> warnings;

        Reader(String file, int lineOffset, List<LoadReport.Warning> warnings) {
            this.file = file;
            this.lineOffset = lineOffset;
            this.warnings = warnings;
        }

        int line(Node node) {
            return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + lineOffset;
        }

        void warn(int line, String message) {
            warnings.add(new LoadReport.Warning(file, line, message));
        }

        Map<String, NodeTuple> fields(MappingNode mapping, boolean strict) throws BadFileException {
            Map<String, NodeTuple> fields = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Node key = tuple.getKeyNode();
                if (!(key instanceof ScalarNode scalarKey)) {
                    throw new BadFileException(line(key), "a key is " + kind(key) + ", expected text");
                }
                NodeTuple previous = fields.putIfAbsent(scalarKey.getValue(), tuple);
                if (previous != null && strict) {
                    throw new BadFileException(line(key), "duplicate key '" + abbreviate(scalarKey.getValue())
                            + "' (first at line " + line(previous.getKeyNode()) + ")");
                }
            }
            return fields;
        }

        ArticleRecord article(Map<String, NodeTuple> fields, boolean full, int itemLine) throws BadFileException {
            String title = cleanText(text(fields, "title", true));
            if (title == null) {
                throw new BadFileException(lineOf(fields, "title", itemLine), "missing or empty 'title'");
            }
            String rawUrl = text(fields, "webUrl", true);
            if (rawUrl == null || rawUrl.isBlank()) {
                throw new BadFileException(lineOf(fields, "webUrl", itemLine), "missing or empty 'webUrl'");
            }
            String url;
            try {
                url = UrlCanonicalizer.canonicalize(rawUrl);
            } catch (InvalidUrlException e) {
                throw new BadFileException(lineOf(fields, "webUrl", itemLine), "invalid 'webUrl': " + e.getMessage());
            }
            Instant publishedAt = null;
            String time = text(fields, "publishedDateTime", true);
            if (time != null && !time.isBlank()) {
                List<String> notes = new ArrayList<>();
                try {
                    publishedAt = parseTime(time, notes);
                } catch (DateTimeParseException e) {
                    throw new BadFileException(lineOf(fields, "publishedDateTime", itemLine),
                            "invalid 'publishedDateTime': " + e.getMessage());
                }
                int l = lineOf(fields, "publishedDateTime", itemLine);
                notes.forEach(n -> warn(l, "publishedDateTime: " + n));
            }
            return new ArticleRecord(url, rawUrl.strip(), title, cleanText(text(fields, "excerpt", false)),
                    publishedAt, cleanText(text(fields, "type", false)), cleanText(text(fields, "category", false)),
                    integer(fields, "quality"), integer(fields, "heat"), optionalUrl(fields, "ampWebUrl"),
                    imageUrl(fields), provider(fields, url, itemLine), topics(fields), full, itemLine);
        }

        private int lineOf(Map<String, NodeTuple> fields, String name, int fallback) {
            NodeTuple t = fields.get(name);
            return t == null ? fallback : line(t.getKeyNode());
        }

        /** A scalar field as text; for required fields a list or mapping is fatal, otherwise it is ignored. */
        private String text(Map<String, NodeTuple> fields, String name, boolean required) throws BadFileException {
            NodeTuple t = fields.get(name);
            if (t == null || isNull(t.getValueNode())) {
                return null;
            }
            Node value = t.getValueNode();
            if (value instanceof ScalarNode s) {
                return s.getValue();
            }
            if (required) {
                throw new BadFileException(line(value), "'" + name + "' is " + kind(value) + ", expected text");
            }
            warn(line(value), "'" + name + "' is " + kind(value) + ", expected text: ignored");
            return null;
        }

        private Integer integer(Map<String, NodeTuple> fields, String name) throws BadFileException {
            String s = text(fields, name, false);
            if (s == null || s.isBlank()) {
                return null;
            }
            try {
                return Integer.valueOf(s.strip());
            } catch (NumberFormatException e) {
                try {
                    double d = Double.parseDouble(s.strip());
                    if (Double.isFinite(d) && Math.abs(d) < Integer.MAX_VALUE) {
                        warn(lineOf(fields, name, 0), "'" + name + "' is not a whole number: rounded");
                        return (int) Math.round(d);
                    }
                } catch (NumberFormatException ignored) {
                    // reported below
                }
                warn(lineOf(fields, name, 0), "'" + name + "' is not a number ('" + abbreviate(s) + "'): ignored");
                return null;
            }
        }

        private String optionalUrl(Map<String, NodeTuple> fields, String name) throws BadFileException {
            String s = text(fields, name, false);
            if (s == null || s.isBlank()) {
                return null;
            }
            try {
                UrlCanonicalizer.canonicalize(s);
                return s.strip();
            } catch (InvalidUrlException e) {
                warn(lineOf(fields, name, 0), "'" + name + "' ignored: " + e.getMessage());
                return null;
            }
        }

        private String imageUrl(Map<String, NodeTuple> fields) throws BadFileException {
            NodeTuple t = fields.get("images");
            if (t == null || !(t.getValueNode() instanceof SequenceNode seq)) {
                return null;
            }
            for (Node image : seq.getValue()) {
                if (image instanceof MappingNode m) {
                    Map<String, NodeTuple> imageFields = fields(m, false);
                    String url = optionalUrl(imageFields, "url");
                    if (url != null) {
                        return url;
                    }
                }
            }
            return null;
        }

        private ArticleRecord.ProviderRecord provider(Map<String, NodeTuple> fields, String url, int itemLine)
                throws BadFileException {
            NodeTuple t = fields.get("provider");
            String domain = null;
            String name = null;
            int line = t == null ? itemLine : line(t.getKeyNode());
            if (t != null && t.getValueNode() instanceof MappingNode m) {
                Map<String, NodeTuple> p = fields(m, false);
                domain = text(p, "domain", false);
                name = cleanText(text(p, "name", false));
            } else if (t != null && !isNull(t.getValueNode())) {
                warn(line, "'provider' is " + kind(t.getValueNode()) + ", expected a mapping: ignored");
            }
            String normalized = null;
            if (domain != null && !domain.isBlank()) {
                try {
                    normalized = UrlCanonicalizer.normalizeDomain(domain);
                } catch (InvalidUrlException e) {
                    warn(line, "provider domain '" + abbreviate(domain) + "' is invalid: taken from the URL");
                }
            } else {
                warn(line, "provider domain missing: taken from the URL host");
            }
            if (normalized == null) {
                normalized = UrlCanonicalizer.domainOf(url);
            }
            return new ArticleRecord.ProviderRecord(normalized, name == null ? normalized : name);
        }

        private List<String> topics(Map<String, NodeTuple> fields) {
            NodeTuple t = fields.get("topics");
            if (t == null || isNull(t.getValueNode())) {
                return List.of();
            }
            Node value = t.getValueNode();
            Set<String> topics = new LinkedHashSet<>();
            if (value instanceof ScalarNode s) {
                String topic = cleanText(s.getValue());
                if (topic != null) {
                    topics.add(topic);
                }
            } else if (value instanceof SequenceNode seq) {
                for (Node n : seq.getValue()) {
                    if (n instanceof ScalarNode s && !isNull(s)) {
                        String topic = cleanText(s.getValue());
                        if (topic != null && topic.length() <= 200) {
                            topics.add(topic);
                        }
                    } else {
                        warn(line(n), "a topic is " + kind(n) + ", expected text: ignored");
                    }
                }
            } else {
                warn(line(value), "'topics' is " + kind(value) + ", expected a list: ignored");
            }
            return List.copyOf(topics);
        }
    }
}
