package org.storygraph.ingest;

import org.storygraph.common.InvalidUrlException;

import org.storygraph.common.UrlCanonicalizer;

import java.io.StringReader;
import java.net.IDN;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

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
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT) // like the ISO formatters: 2020-02-30 is an error, not Feb 29
            .withChronology(IsoChronology.INSTANCE);

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
        if (bytes.length == 0) {
            throw new BadFileException(0, "empty file");
        }
        checkTextEncoding(bytes);
        String text = decode(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new BadFileException(0, "empty file (only whitespace)");
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

    /**
     * Refuses what is recognisably not UTF-8 text before decoding, so the message names the real problem: a byte
     * order mark of UTF-16/UTF-32, or NUL bytes (images, archives, office documents all contain them).
     */
    private static void checkTextEncoding(byte[] bytes) throws BadFileException {
        String encoding = null;
        int bomLength = 0;
        if (startsWith(bytes, 0xFF, 0xFE, 0, 0) || startsWith(bytes, 0, 0, 0xFE, 0xFF)) {
            encoding = "UTF-32";
            bomLength = 4;
        } else if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF)) {
            encoding = "UTF-16";
            bomLength = 2;
        }
        if (encoding != null) {
            StringBuilder bom = new StringBuilder();
            for (int i = 0; i < bomLength; i++) {
                bom.append(i == 0 ? "" : " ").append(hexByte(bytes[i]));
            }
            throw new BadFileException(0, encoding + " text (byte order mark " + bom
                    + "): only UTF-8 is read; save the file as UTF-8");
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new BadFileException(0, "binary content (NUL byte at offset " + i + "): not a text file");
            }
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String hexByte(byte b) {
        return String.format("%02X", b & 0xff);
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
            String value = offset < bytes.length ? "byte 0x" + hexByte(bytes[offset]) : "truncated sequence";
            throw new BadFileException(line, "not valid UTF-8 text (" + value + " at offset " + offset
                    + "; Latin-1 or Windows-1252?): save the file as UTF-8");
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
        // what Yaml.compose does, with the parser wrapped so that errors without a mark still get a line
        MarkingParser parser = new MarkingParser(new ParserImpl(new StreamReader(new StringReader(yaml)), options));
        try {
            return new Composer(parser, new Resolver(), options).getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? 0 : mark.getLine() + lineOffset;
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            problem = problem.replace("end of stream", "end of the front matter");
            String context = "";
            if (e.getContext() != null) {
                Mark contextMark = e.getContextMark();
                int contextLine = contextMark == null ? 0 : contextMark.getLine() + lineOffset;
                context = e.getContext() + (contextLine > 0 && contextLine != line
                        ? " (from line " + contextLine + ")" : "") + ": ";
            }
            throw new BadFileException(line, "invalid YAML: " + context + problem);
        } catch (YAMLException e) {
            int line = parser.lastLine() < 0 ? 0 : parser.lastLine() + lineOffset;
            String message = firstLine(e.getMessage());
            if (message.startsWith("Number of aliases for non-scalar nodes exceeds")) {
                message = "more than " + maxAliases + " aliases of lists or mappings: refused as a possible "
                        + "alias bomb ('billion laughs')";
            } else if (message.startsWith("Nesting Depth exceeded")) {
                message = "nested deeper than " + maxNestingDepth + " levels";
            }
            throw new BadFileException(line, "invalid YAML: " + message);
        } catch (StackOverflowError e) {
            throw new BadFileException(0, "invalid YAML: nesting too deep");
        } catch (RuntimeException e) {
            // SnakeYAML signals a few input errors with other exceptions (a tag that decodes to text with spaces:
            // IllegalArgumentException, found by fuzzing); they are still errors of the file, not of the loader
            int line = parser.lastLine() < 0 ? 0 : parser.lastLine() + lineOffset;
            throw new BadFileException(line, "invalid YAML: " + firstLine(e.getMessage()));
        }
    }

    /** A YAML parser that remembers the line of the last event it handed out (0-based; -1 before the first). */
    private static final class MarkingParser implements Parser {
        private final Parser delegate;
        private int lastLine = -1;

        MarkingParser(Parser delegate) {
            this.delegate = delegate;
        }

        int lastLine() {
            return lastLine;
        }

        @Override
        public boolean checkEvent(Event.ID choice) {
            return delegate.checkEvent(choice);
        }

        @Override
        public Event peekEvent() {
            return delegate.peekEvent();
        }

        @Override
        public Event getEvent() {
            Event event = delegate.getEvent();
            if (event != null && event.getStartMark() != null) {
                lastLine = event.getStartMark().getLine();
            }
            return event;
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
                || (s.getValue().isEmpty() && s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN)));
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
        // a format that read the text but found an impossible value (month 13, February 30, hour 25)
        String invalidValue = null;
        try {
            return OffsetDateTime.parse(s.replace(' ', 'T'), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            invalidValue = invalidValue(e, invalidValue);
        }
        String t = s.replaceFirst("^(\\d{4}-\\d{2}-\\d{2}) ", "$1T");
        try {
            return OffsetDateTime.parse(t, OFFSET_NO_COLON).toInstant();
        } catch (DateTimeParseException e) {
            invalidValue = invalidValue(e, invalidValue);
        }
        try {
            Instant instant = LocalDateTime.parse(t, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
            notes.add("time without zone, UTC assumed");
            return instant;
        } catch (DateTimeParseException e) {
            invalidValue = invalidValue(e, invalidValue);
        }
        try {
            Instant instant = LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
            notes.add("date without time, midnight UTC assumed");
            return instant;
        } catch (DateTimeParseException e) {
            invalidValue = invalidValue(e, invalidValue);
            if (invalidValue != null) {
                throw new DateTimeParseException("impossible date/time '" + abbreviate(s) + "' (" + invalidValue + ")",
                        s, 0);
            }
            throw new DateTimeParseException("unparsable date/time '" + abbreviate(s) + "'", s, 0);
        }
    }

    /** The first reason why a text in the right shape holds no valid date ({@code Invalid date 'FEBRUARY 30'}). */
    private static String invalidValue(DateTimeParseException e, String known) {
        if (known != null || !(e.getCause() instanceof DateTimeException cause) || cause.getMessage() == null) {
            return known;
        }
        return abbreviate(cause.getMessage());
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
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1));
            if (Character.isSurrogate(c) && !pair) {
                continue; // half of a pair, written as an escape ("\uD800"): not text, and not encodable as UTF-8
            }
            if (space) {
                sb.append(' ');
                space = false;
            }
            sb.append(c);
            if (pair) {
                sb.append(s.charAt(++i));
            }
        }
        String cleaned = sb.toString();
        return cleaned.isEmpty() ? null : cleaned;
    }

    /** For a plain scalar YAML reads as a number or a boolean: what it is ("a number"); otherwise null. */
    static String plainNonText(Node node) {
        if (!(node instanceof ScalarNode scalar) || scalar.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) {
            return null;
        }
        if (Tag.INT.equals(scalar.getTag()) || Tag.FLOAT.equals(scalar.getTag())) {
            return "a number";
        }
        return Tag.BOOL.equals(scalar.getTag()) ? "a yes/no value" : null;
    }

    /** A word mixing scripts, and which ("Latin and Cyrillic letters"). */
    record ScriptMix(String scripts, String word) {
    }

    /**
     * The first word that mixes Latin letters with Cyrillic or Greek ones, the classic look-alike spoof
     * ({@code PаyPal} with a Cyrillic {@code а}); or null. Scripts written without spaces (Japanese, Chinese) never
     * mix Latin with Cyrillic or Greek inside a word.
     */
    static ScriptMix mixedScriptWord(String text) {
        int start = 0;
        while (start < text.length()) {
            int end = start;
            Set<Character.UnicodeScript> scripts = new LinkedHashSet<>();
            while (end < text.length()) {
                int cp = text.codePointAt(end);
                if (!Character.isLetter(cp) && Character.getType(cp) != Character.NON_SPACING_MARK) {
                    break;
                }
                Character.UnicodeScript script = Character.UnicodeScript.of(cp);
                if (script == Character.UnicodeScript.LATIN || script == Character.UnicodeScript.CYRILLIC
                        || script == Character.UnicodeScript.GREEK) {
                    scripts.add(script);
                }
                end += Character.charCount(cp);
            }
            if (scripts.size() > 1 && scripts.contains(Character.UnicodeScript.LATIN)) {
                List<String> names = scripts.stream().map(sc -> sc.name().charAt(0)
                        + sc.name().substring(1).toLowerCase(Locale.ROOT)).toList();
                return new ScriptMix(String.join(" and ", names) + " letters", text.substring(start, end));
            }
            start = end == start ? start + Character.charCount(text.codePointAt(start)) : end;
        }
        return null;
    }

    static String abbreviate(String s) {
        return s.codePointCount(0, s.length()) <= 60 ? s : s.substring(0, s.offsetByCodePoints(0, 57)) + "...";
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
                    if (!strict) {
                        warn(line(key), "a key is " + kind(key) + ", expected text: ignored");
                        continue;
                    }
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
            String typed = plainNonText(fields.get("title").getValueNode());
            if (typed != null) {
                warn(lineOf(fields, "title", itemLine), "'title' is written as " + typed + " (" + abbreviate(title)
                        + "): read as text");
            }
            ScriptMix mixed = mixedScriptWord(title);
            if (mixed != null) {
                warn(lineOf(fields, "title", itemLine), "'title' has a word mixing " + mixed.scripts() + " ('"
                        + abbreviate(mixed.word()) + "'): a look-alike? kept as written");
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
            for (String label : UrlCanonicalizer.domainOf(url).split("\\.")) {
                String unicode = label.startsWith("xn--") ? IDN.toUnicode(label, IDN.ALLOW_UNASSIGNED) : label;
                ScriptMix labelMix = mixedScriptWord(unicode);
                if (labelMix != null) {
                    warn(lineOf(fields, "webUrl", itemLine), "host label '" + unicode + "' mixes "
                            + labelMix.scripts() + ": a look-alike? kept as " + label);
                }
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
                Integer value = Integer.valueOf(s.strip());
                if (fields.get(name).getValueNode() instanceof ScalarNode scalar
                        && scalar.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) {
                    warn(lineOf(fields, name, 0), "'" + name + "' is a number written as text ('" + abbreviate(s)
                            + "'): read as " + value);
                }
                return value;
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
