package org.storygraph.query;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.convert.DurationStyle;

/**
 * Reads a saved query file: a header of {@code //} comment lines, then Cypher.
 * <pre>
 * // name: first-reporters
 * // description: Providers that most often published a story first,
 * //   continued on the next comment line.
 * // param: from datetime = 2020-01-01T00:00:00Z -- only stories starting after this
 * // param: limit int = 20
 * // timeout: 5s
 * // limit: 1000
 * MATCH ...
 * </pre>
 * A header line that is not {@code key: value} continues the previous value. Unknown keys, duplicate parameters,
 * unknown types and defaults that do not fit their type are errors of that file.
 */
final class QueryFileParser {

    private static final Pattern KEY = Pattern.compile("^//\\s*(name|description|param|timeout|limit)\\s*:\\s*(.*)$");
    private static final Pattern PARAM = Pattern.compile(
            "^([A-Za-z_][A-Za-z0-9_]*)\\s+([A-Za-z<>]+)\\s*(?:=\\s*(.*?))?\\s*(?:--\\s*(.*))?$");
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");

    record Parsed(SavedQuery query, String error) {
    }

    static SavedQuery parse(String fileName, String text, Duration defaultTimeout, Duration maxTimeout,
            int maxRows) {
        String base = fileName.replaceFirst("\\.cypher$", "");
        String name = base;
        StringBuilder description = new StringBuilder();
        List<QueryParam> params = new ArrayList<>();
        Duration timeout = defaultTimeout;
        int limit = maxRows;
        List<String> problems = new ArrayList<>();
        StringBuilder cypher = new StringBuilder();
        String lastKey = null;
        boolean header = true;
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            if (header && trimmed.startsWith("//")) {
                Matcher m = KEY.matcher(trimmed);
                if (m.matches()) {
                    lastKey = m.group(1);
                    String value = m.group(2).strip();
                    switch (lastKey) {
                        case "name" -> name = value;
                        case "description" -> description.append(value);
                        case "param" -> {
                            try {
                                params.add(param(value));
                            } catch (IllegalArgumentException e) {
                                problems.add(e.getMessage());
                            }
                        }
                        case "timeout" -> {
                            try {
                                timeout = DurationStyle.detectAndParse(value);
                            } catch (IllegalArgumentException | DateTimeParseException e) {
                                problems.add("timeout '" + value + "' is not a duration such as 5s or PT5S");
                            }
                        }
                        case "limit" -> {
                            try {
                                limit = Integer.parseInt(value);
                                if (limit < 1) {
                                    problems.add("limit must be at least 1");
                                }
                            } catch (NumberFormatException e) {
                                problems.add("limit '" + value + "' is not a number");
                            }
                        }
                        default -> throw new IllegalStateException(lastKey);
                    }
                } else if ("description".equals(lastKey)) {
                    String more = trimmed.substring(2).strip();
                    if (!more.isEmpty()) {
                        description.append(description.isEmpty() ? "" : " ").append(more);
                    }
                }
                continue;
            }
            if (header && trimmed.isEmpty()) {
                continue;
            }
            header = false;
            cypher.append(line).append('\n');
        }
        if (!NAME.matcher(name).matches()) {
            problems.add("name '" + name + "' must be lower-case letters, digits and dashes");
        }
        Set<String> seen = new HashSet<>();
        for (QueryParam p : params) {
            if (!seen.add(p.name())) {
                problems.add("parameter '" + p.name() + "' is declared twice");
            }
        }
        if (timeout.compareTo(maxTimeout) > 0) {
            timeout = maxTimeout;
        }
        limit = Math.min(limit, maxRows);
        String body = cypher.toString().strip();
        if (body.endsWith(";")) {
            body = body.substring(0, body.length() - 1).strip();
        }
        if (body.isEmpty()) {
            problems.add("the file has no Cypher after its header");
        }
        if (description.isEmpty()) {
            problems.add("the header has no description");
        }
        return new SavedQuery(name, description.toString(), fileName, List.copyOf(params), timeout, limit, body,
                problems.isEmpty() ? null : String.join("; ", problems));
    }

    private static QueryParam param(String spec) {
        Matcher m = PARAM.matcher(spec);
        if (!m.matches()) {
            throw new IllegalArgumentException("cannot read parameter declaration '" + spec
                    + "' (expected: name type [= default] [-- description])");
        }
        String type = m.group(2).toLowerCase(Locale.ROOT);
        if (!ParamTypes.isKnown(type)) {
            throw new IllegalArgumentException("parameter '" + m.group(1) + "' has unknown type '" + type
                    + "' (use " + ParamTypes.NAMES + ")");
        }
        String def = m.group(3) == null || m.group(3).isBlank() ? null : m.group(3).strip();
        if (def != null) {
            try {
                ParamTypes.parseText(type, def);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("default of parameter '" + m.group(1) + "': " + e.getMessage());
            }
        }
        return new QueryParam(m.group(1), type, def, m.group(4) == null ? null : m.group(4).strip());
    }

    private QueryFileParser() {
    }
}
