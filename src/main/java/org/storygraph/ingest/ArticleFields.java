package org.storygraph.ingest;

import static org.storygraph.ingest.FrontMatterYaml.isNull;
import static org.storygraph.ingest.FrontMatterYaml.kind;
import static org.storygraph.ingest.FrontMatterYaml.plainNonText;
import static org.storygraph.ingest.TextCleaner.abbreviate;
import static org.storygraph.ingest.TextCleaner.mixedScriptWord;

import java.net.IDN;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.storygraph.common.InvalidUrlException;
import org.storygraph.common.UrlCanonicalizer;
import org.storygraph.ingest.TextCleaner.ScriptMix;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The last step: an item's fields read from the composed nodes into an {@link ArticleRecord}, remembering each
 * node's file line and collecting the warnings of one file.
 */
final class ArticleFields {

    private final String file;
    private final int lineOffset;
    private final List<LoadReport.Warning> warnings;

    ArticleFields(String file, int lineOffset, List<LoadReport.Warning> warnings) {
        this.file = file;
        this.lineOffset = lineOffset;
        this.warnings = warnings;
    }

    /** The file line (1-based) of a node; 0 when unknown. */
    int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + lineOffset;
    }

    void warn(int line, String message) {
        warnings.add(new LoadReport.Warning(file, line, message));
    }

    /**
     * A mapping's entries by key. Strict (the item, a related entry): a key that is not text or a duplicate key is
     * fatal; otherwise such a key is ignored with a warning, and a duplicate's first entry counts.
     */
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

    /**
     * The article of an item ({@code full}) or of a related entry; {@code itemLine} stands for missing fields.
     *
     * @throws BadFileException for a missing or empty title or URL, an invalid URL or an unreadable time
     */
    ArticleRecord article(Map<String, NodeTuple> fields, boolean full, int itemLine) throws BadFileException {
        String title = TextCleaner.clean(text(fields, "title", true));
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
                publishedAt = FeedTimes.parse(time, notes);
            } catch (DateTimeParseException e) {
                throw new BadFileException(lineOf(fields, "publishedDateTime", itemLine),
                        "invalid 'publishedDateTime': " + e.getMessage());
            }
            int l = lineOf(fields, "publishedDateTime", itemLine);
            notes.forEach(n -> warn(l, "publishedDateTime: " + n));
        }
        return new ArticleRecord(url, rawUrl.strip(), title, TextCleaner.clean(text(fields, "excerpt", false)),
                publishedAt, TextCleaner.clean(text(fields, "type", false)), TextCleaner.clean(text(fields, "category", false)),
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
            name = TextCleaner.clean(text(p, "name", false));
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
            String topic = TextCleaner.clean(s.getValue());
            if (topic != null) {
                topics.add(topic);
            }
        } else if (value instanceof SequenceNode seq) {
            for (Node n : seq.getValue()) {
                if (n instanceof ScalarNode s && !isNull(s)) {
                    String topic = TextCleaner.clean(s.getValue());
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
