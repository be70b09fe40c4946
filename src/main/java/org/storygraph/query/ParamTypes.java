package org.storygraph.query;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.storygraph.common.TimeRange;

/**
 * Saved-query parameter types and the conversion of given values (JSON from HTTP, text from the CLI and defaults)
 * into driver values. Conversion is strict: a JSON string is not an int, 1.5 is not an int, "yes" is not a boolean.
 * Every value is bound as a parameter; nothing is ever spliced into query text.
 */
final class ParamTypes {

    static final String NAMES = "string, int, float, boolean, date, datetime, duration, list<...>";
    private static final Set<String> SCALARS = Set.of("string", "int", "float", "boolean", "date", "datetime",
            "duration");

    private ParamTypes() {
    }

    static boolean isKnown(String type) {
        return SCALARS.contains(type) || (type.startsWith("list<") && type.endsWith(">")
                && SCALARS.contains(type.substring(5, type.length() - 1)));
    }

    private static String element(String type) {
        return type.substring(5, type.length() - 1);
    }

    /** A value written as text: a default in a header, or {@code --param k=v} on the command line. */
    static Object parseText(String type, String text) {
        if (type.startsWith("list<")) {
            List<Object> values = new ArrayList<>();
            String t = text.strip();
            if (t.startsWith("[") && t.endsWith("]")) {
                t = t.substring(1, t.length() - 1);
            }
            if (!t.isBlank()) {
                for (String part : t.split(",")) {
                    values.add(parseText(element(type), unquote(part.strip())));
                }
            }
            return values;
        }
        String s = unquote(text.strip());
        return switch (type) {
            case "string" -> s;
            case "int" -> {
                try {
                    yield Long.parseLong(s);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + s + "' is not an int");
                }
            }
            case "float" -> {
                try {
                    yield Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + s + "' is not a float");
                }
            }
            case "boolean" -> switch (s.toLowerCase(java.util.Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException("'" + s + "' is not a boolean (true or false)");
            };
            case "date" -> date(s);
            case "datetime" -> datetime(s);
            case "duration" -> duration(s);
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }

    /**
     * A value from a URL's query string ({@code GET /api/queries/NAME/run?limit=10&words=a&words=b}): the values
     * given for one name, in order. A {@code string} is taken exactly as given (not stripped or unquoted, as in a
     * JSON body); other scalars are read as {@link #parseText text}. A list takes either repeated parameters (each
     * one element, strings verbatim) or one comma-separated value ({@code words=a,b}, optionally in brackets). A
     * scalar given more than once is an error.
     */
    static Object parseQueryString(String type, List<String> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no value given");
        }
        if (type.startsWith("list<")) {
            if (values.size() == 1) {
                return parseText(type, values.getFirst());
            }
            List<Object> list = new ArrayList<>();
            for (String v : values) {
                list.add(parseQueryString(element(type), List.of(v)));
            }
            return list;
        }
        if (values.size() > 1) {
            throw new IllegalArgumentException("given " + values.size() + " times; a " + type + " takes one value");
        }
        String value = values.getFirst();
        return type.equals("string") ? value : parseText(type, value);
    }

    /** A value from a JSON request body (as Jackson maps it). */
    static Object parseJson(String type, Object value) {
        if (value == null) {
            throw new IllegalArgumentException("null is not a " + type);
        }
        if (type.startsWith("list<")) {
            if (!(value instanceof List<?> list)) {
                throw new IllegalArgumentException("expected a JSON array (" + type + ")");
            }
            List<Object> values = new ArrayList<>();
            for (Object v : list) {
                values.add(parseJson(element(type), v));
            }
            return values;
        }
        return switch (type) {
            case "string" -> {
                if (value instanceof String s) {
                    yield s;
                }
                throw new IllegalArgumentException("expected a JSON string");
            }
            case "int" -> {
                if (value instanceof Integer || value instanceof Long || value instanceof Short) {
                    yield ((Number) value).longValue();
                }
                if (value instanceof BigInteger b && b.bitLength() < 64) {
                    yield b.longValue();
                }
                throw new IllegalArgumentException("expected a whole JSON number");
            }
            case "float" -> {
                if (value instanceof Number n && !(value instanceof BigDecimal bd && bd.abs().compareTo(
                        BigDecimal.valueOf(Double.MAX_VALUE)) > 0)) {
                    yield n.doubleValue();
                }
                throw new IllegalArgumentException("expected a JSON number");
            }
            case "boolean" -> {
                if (value instanceof Boolean b) {
                    yield b;
                }
                throw new IllegalArgumentException("expected true or false");
            }
            case "date", "datetime", "duration" -> {
                if (value instanceof String s) {
                    yield parseText(type, s);
                }
                throw new IllegalArgumentException("expected an ISO-8601 string");
            }
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && ((s.startsWith("\"") && s.endsWith("\"")) || (s.startsWith("'") && s.endsWith("'")))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static LocalDate date(String s) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + s + "' is not a date such as 2020-06-11");
        }
    }

    /** The forms of {@link TimeRange}, keeping the offset written; UTC without one. */
    private static OffsetDateTime datetime(String s) {
        return TimeRange.dateTime(s, ZoneOffset.UTC).orElseThrow(() -> new IllegalArgumentException(
                "'" + s + "' is not a date-time such as 2020-06-11T09:53:00Z"));
    }

    /** ISO-8601 durations with calendar and clock parts, e.g. P1D, PT6H, P1M2DT3H. */
    private static Value duration(String s) {
        String text = s.toUpperCase(java.util.Locale.ROOT);
        try {
            if (!text.startsWith("P")) {
                throw new DateTimeParseException("no P", text, 0);
            }
            int t = text.indexOf('T');
            String datePart = t < 0 ? text : text.substring(0, t);
            String timePart = t < 0 ? "" : text.substring(t + 1);
            Period period = datePart.equals("P") ? Period.ZERO : Period.parse(datePart);
            Duration clock = timePart.isEmpty() ? Duration.ZERO : Duration.parse("PT" + timePart);
            return Values.isoDuration(period.toTotalMonths(), period.getDays(), clock.getSeconds(), clock.getNano());
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + s + "' is not an ISO-8601 duration such as P1D or PT6H");
        }
    }
}
