package org.storygraph.outlets;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.storygraph.common.Csv;
import org.storygraph.common.InvalidParameterException;
import org.storygraph.outlets.ImportReport.RejectedRow;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads outlet files: CSV with a header row ({@code domain,name,country,language,mediaType,owner,collections},
 * collections separated by {@code ;} or {@code |}) or YAML (a list of outlets with the same keys, collections as a
 * list). Bad rows are reported by line and field and left out; the good rows are kept. A file that is not an outlet
 * file at all (no {@code domain} column, YAML that is not a list) is an {@link InvalidParameterException}.
 */
final class OutletFiles {

    enum Format {
        CSV, YAML;

        /** The format a file name or media type says, or null. */
        static Format of(String fileName, String contentType) {
            String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
            if (ct.contains("csv")) {
                return CSV;
            }
            if (ct.contains("yaml")) {
                return YAML;
            }
            String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
            if (name.endsWith(".csv")) {
                return CSV;
            }
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                return YAML;
            }
            return null;
        }

        /** YAML when the first line that is not blank or a comment starts a list item or an {@code outlets:} key. */
        static Format sniff(String text) {
            for (String line : text.split("\\R")) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                return t.startsWith("- ") || t.equals("-") || t.startsWith("outlets:") ? YAML : CSV;
            }
            return CSV;
        }
    }

    /** What a file held: its rows (good ones checked), the problems of the bad ones, and what was ignored. */
    record Parsed(Format format, int rows, List<OutletRow> outlets, List<RejectedRow> rejected, List<String> warnings) {
    }

    private static final int MAX_ALIASES = 50;
    private static final int MAX_DEPTH = 20;

    private final OutletFields fields;

    OutletFiles(OutletFields fields) {
        this.fields = fields;
    }

    Parsed read(String text, Format format) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        Parsed parsed = format == Format.YAML ? yaml(body) : csv(body);
        return withoutDuplicates(parsed);
    }

    private Parsed csv(String text) {
        List<OutletRow> outlets = new ArrayList<>();
        List<RejectedRow> rejected = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int[] lineStarts = lineStarts(text);
        int rows = 0;
        try (CSVParser parser = Csv.reader(new StringReader(text))) {
            List<String> header = parser.getHeaderNames().stream().map(String::strip).toList();
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String known = known(header.get(i));
                if (known == null) {
                    warnings.add("column '" + OutletFields.abbreviate(header.get(i)) + "' ignored (columns: "
                            + String.join(",", OutletFields.NAMES) + ")");
                } else if (columns.putIfAbsent(known, i) != null) {
                    warnings.add("column '" + header.get(i) + "' repeated: the first one is read");
                }
            }
            if (!columns.containsKey("domain")) {
                throw new InvalidParameterException("file", "the CSV header has no 'domain' column (header row: "
                        + String.join(",", OutletFields.NAMES) + ")");
            }
            var records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    int line = (int) parser.getCurrentLineNumber() + 1;
                    rejected.add(new RejectedRow(line, null, "unreadable CSV from here on: " + e.getMessage()));
                    rows++;
                    break;
                }
                rows++;
                int line = lineOf(lineStarts, record.getCharacterPosition());
                Map<String, String> values = new HashMap<>();
                columns.forEach((name, i) -> values.put(name, i < record.size() ? record.get(i) : null));
                String collections = values.remove("collections");
                List<String> names = collections == null ? List.of()
                        : Arrays.asList(OutletFields.COLLECTION_SEPARATOR.split(collections));
                OutletRow row = fields.row(line, values, names, rejected);
                if (row != null) {
                    outlets.add(row);
                }
            }
        } catch (IOException e) {
            throw new InvalidParameterException("file", "unreadable CSV: " + e.getMessage());
        }
        return new Parsed(Format.CSV, rows, outlets, rejected, warnings);
    }

    private Parsed yaml(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setAllowDuplicateKeys(false);
        Node root;
        try {
            root = new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            throw new InvalidParameterException("file", "unreadable YAML at line "
                    + (e.getProblemMark() == null ? "?" : e.getProblemMark().getLine() + 1) + ": " + e.getProblem());
        } catch (YAMLException e) {
            throw new InvalidParameterException("file", "unreadable YAML: " + e.getMessage());
        }
        if (root instanceof MappingNode map && map.getValue().size() == 1
                && map.getValue().getFirst().getKeyNode() instanceof ScalarNode key
                && key.getValue().equals("outlets")) {
            root = map.getValue().getFirst().getValueNode();
        }
        if (root == null) {
            return new Parsed(Format.YAML, 0, List.of(), List.of(), List.of());
        }
        if (!(root instanceof SequenceNode list)) {
            throw new InvalidParameterException("file", "the YAML must be a list of outlets (- domain: …), line "
                    + line(root));
        }
        List<OutletRow> outlets = new ArrayList<>();
        List<RejectedRow> rejected = new ArrayList<>();
        Set<String> warnings = new LinkedHashSet<>();
        for (Node item : list.getValue()) {
            int line = line(item);
            if (!(item instanceof MappingNode outlet)) {
                rejected.add(new RejectedRow(line, null, "an outlet is a mapping of domain, name, country, language, "
                        + "mediaType, owner, collections"));
                continue;
            }
            Map<String, String> values = new HashMap<>();
            List<String> collections = new ArrayList<>();
            int before = rejected.size();
            for (NodeTuple t : outlet.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : null;
                String known = key == null ? null : known(key);
                Node value = t.getValueNode();
                if (known == null) {
                    warnings.add("key '" + OutletFields.abbreviate(String.valueOf(key)) + "' ignored (keys: "
                            + String.join(", ", OutletFields.NAMES) + ")");
                } else if (known.equals("collections")) {
                    collections(value, collections, rejected);
                } else if (value instanceof ScalarNode s) {
                    values.put(known, s.getTag().equals(Tag.NULL) ? null : s.getValue());
                } else {
                    rejected.add(new RejectedRow(line(value), known, "must be a single value"));
                }
            }
            OutletRow row = fields.row(line, values, collections, rejected);
            if (row != null && rejected.size() == before) {
                outlets.add(row);
            }
        }
        return new Parsed(Format.YAML, list.getValue().size(), outlets, rejected, new ArrayList<>(warnings));
    }

    private static void collections(Node value, List<String> into, List<RejectedRow> rejected) {
        if (value instanceof ScalarNode s) {
            if (!s.getTag().equals(Tag.NULL)) {
                into.addAll(Arrays.asList(OutletFields.COLLECTION_SEPARATOR.split(s.getValue())));
            }
        } else if (value instanceof SequenceNode seq) {
            for (Node n : seq.getValue()) {
                if (n instanceof ScalarNode s) {
                    if (!s.getTag().equals(Tag.NULL)) {
                        into.add(s.getValue());
                    }
                } else {
                    rejected.add(new RejectedRow(line(n), "collections", "a collection is a name"));
                }
            }
        } else {
            rejected.add(new RejectedRow(line(value), "collections", "must be a list of names"));
        }
    }

    /** The first row of each outlet wins; a later row with the same (normalised) domain is rejected. */
    private static Parsed withoutDuplicates(Parsed parsed) {
        Map<String, Integer> seen = new HashMap<>();
        List<OutletRow> kept = new ArrayList<>();
        List<RejectedRow> rejected = new ArrayList<>(parsed.rejected());
        for (OutletRow row : parsed.outlets()) {
            Integer first = seen.putIfAbsent(row.domain(), row.line());
            if (first == null) {
                kept.add(row);
            } else {
                rejected.add(new RejectedRow(row.line(), "domain", "outlet " + row.domain()
                        + " already given on line " + first));
            }
        }
        rejected.sort(java.util.Comparator.comparingInt(RejectedRow::line));
        return new Parsed(parsed.format(), parsed.rows(), kept, rejected, parsed.warnings());
    }

    /** The field name a column or key stands for (case and blanks ignored: {@code Media Type} is mediaType). */
    private static String known(String name) {
        String n = name.replaceAll("[\\s_-]", "").toLowerCase(Locale.ROOT);
        for (String f : OutletFields.NAMES) {
            if (f.toLowerCase(Locale.ROOT).equals(n)) {
                return f;
            }
        }
        return null;
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int lineOf(int[] lineStarts, long offset) {
        int i = Arrays.binarySearch(lineStarts, (int) Math.min(Integer.MAX_VALUE, offset));
        return (i >= 0 ? i : -i - 2) + 1;
    }
}
