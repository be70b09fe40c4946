package org.storygraph.graph;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.neo4j.driver.Value;

/**
 * Values of records to Java and back, for the named mapper methods of the features. A missing property, an absent
 * column and a Cypher {@code null} all read as null (an empty list or map for the collections).
 */
public final class Convert {

    private Convert() {
    }

    public static String string(Value v) {
        return isNull(v) ? null : v.asString();
    }

    public static Integer integer(Value v) {
        return isNull(v) ? null : v.asInt();
    }

    public static Long longOrNull(Value v) {
        return isNull(v) ? null : v.asLong();
    }

    public static Double doubleOrNull(Value v) {
        return isNull(v) ? null : v.asDouble();
    }

    /** A {@code DATETIME} as the instant it denotes. */
    public static Instant instant(Value v) {
        return isNull(v) ? null : v.asOffsetDateTime().toInstant();
    }

    public static List<String> strings(Value v) {
        return list(v, Value::asString);
    }

    public static <T> List<T> list(Value v, Function<Value, T> element) {
        return isNull(v) ? List.of() : v.asList(element);
    }

    public static <T> Map<String, T> map(Value v, Function<Value, T> entry) {
        return isNull(v) ? Map.of() : v.asMap(entry);
    }

    /** An instant as a {@code DATETIME} parameter in UTC (null stays null: "no bound"). */
    public static OffsetDateTime utc(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }

    private static boolean isNull(Value v) {
        return v == null || v.isNull();
    }
}
