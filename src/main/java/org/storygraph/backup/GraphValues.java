package org.storygraph.backup;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.neo4j.driver.types.IsoDuration;
import org.neo4j.driver.types.Point;
import org.neo4j.driver.types.TypeSystem;

/**
 * Property values in the dump: JSON strings, numbers (integers stay integers, floats keep a fraction), booleans and
 * lists as themselves; the types JSON lacks as one-key objects — {@code {"$datetime": "2020-06-11T09:53Z"}},
 * {@code $date}, {@code $localdatetime}, {@code $time}, {@code $localtime}, {@code $duration} (ISO-8601),
 * {@code $point} ({@code {srid, x, y[, z]}}), {@code $bytes} (base64). Property values are never maps, so the
 * objects are unambiguous.
 */
final class GraphValues {

    private GraphValues() {
    }

    static Object toJson(Value v) {
        TypeSystem t = TypeSystem.getDefault();
        if (v.isNull()) {
            return null;
        }
        if (v.type().equals(t.LIST())) {
            List<Object> list = new ArrayList<>();
            v.values().forEach(x -> list.add(toJson(x)));
            return list;
        }
        if (v.type().equals(t.DATE_TIME())) {
            ZonedDateTime z = v.asZonedDateTime();
            return Map.of("$datetime", z.getZone() instanceof java.time.ZoneOffset ? z.toOffsetDateTime().toString()
                    : z.toString());
        }
        if (v.type().equals(t.DATE())) {
            return Map.of("$date", v.asLocalDate().toString());
        }
        if (v.type().equals(t.LOCAL_DATE_TIME())) {
            return Map.of("$localdatetime", v.asLocalDateTime().toString());
        }
        if (v.type().equals(t.TIME())) {
            return Map.of("$time", v.asOffsetTime().toString());
        }
        if (v.type().equals(t.LOCAL_TIME())) {
            return Map.of("$localtime", v.asLocalTime().toString());
        }
        if (v.type().equals(t.DURATION())) {
            IsoDuration d = v.asIsoDuration();
            return Map.of("$duration", List.of(d.months(), d.days(), d.seconds(), d.nanoseconds()));
        }
        if (v.type().equals(t.POINT())) {
            Point p = v.asPoint();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("srid", p.srid());
            m.put("x", p.x());
            m.put("y", p.y());
            if (!Double.isNaN(p.z())) {
                m.put("z", p.z());
            }
            return Map.of("$point", m);
        }
        if (v.type().equals(t.BYTES())) {
            return Map.of("$bytes", Base64.getEncoder().encodeToString(v.asByteArray()));
        }
        return v.asObject();
    }

    /** The driver value for a dumped JSON value (as Jackson read it). */
    @SuppressWarnings("unchecked")
    static Object fromJson(Object json) {
        if (json instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(x -> out.add(fromJson(x)));
            return out;
        }
        if (json instanceof Map<?, ?> map && map.size() == 1) {
            var e = map.entrySet().iterator().next();
            Object v = e.getValue();
            return switch ((String) e.getKey()) {
                case "$datetime" -> ((String) v).contains("[") ? ZonedDateTime.parse((String) v)
                        : OffsetDateTime.parse((String) v);
                case "$date" -> LocalDate.parse((String) v);
                case "$localdatetime" -> LocalDateTime.parse((String) v);
                case "$time" -> OffsetTime.parse((String) v);
                case "$localtime" -> LocalTime.parse((String) v);
                case "$duration" -> {
                    List<Number> d = (List<Number>) v;
                    yield Values.isoDuration(d.get(0).longValue(), d.get(1).longValue(), d.get(2).longValue(),
                            d.get(3).intValue());
                }
                case "$point" -> {
                    Map<String, Object> p = (Map<String, Object>) v;
                    int srid = ((Number) p.get("srid")).intValue();
                    double x = ((Number) p.get("x")).doubleValue();
                    double y = ((Number) p.get("y")).doubleValue();
                    yield p.containsKey("z") ? Values.point(srid, x, y, ((Number) p.get("z")).doubleValue())
                            : Values.point(srid, x, y);
                }
                case "$bytes" -> Base64.getDecoder().decode((String) v);
                default -> throw new IllegalArgumentException("unknown typed value " + e.getKey());
            };
        }
        if (json instanceof Integer i) {
            return i.longValue();
        }
        if (json instanceof java.math.BigInteger b) {
            return b.longValue();
        }
        if (json instanceof java.math.BigDecimal d) {
            return d.doubleValue();
        }
        return json;
    }
}
