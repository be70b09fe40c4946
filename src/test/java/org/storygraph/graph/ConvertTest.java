package org.storygraph.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;

/** Record values to Java: null, absent and Cypher null alike read as null (or an empty collection). */
class ConvertTest {

    @Test
    void nullableScalars() {
        assertThat(Convert.string(Values.value("x"))).isEqualTo("x");
        assertThat(Convert.integer(Values.value(7L))).isEqualTo(7);
        assertThat(Convert.longOrNull(Values.value(7))).isEqualTo(7L);
        assertThat(Convert.doubleOrNull(Values.value(1.5))).isEqualTo(1.5);
        for (Value absent : new Value[] {null, Values.NULL}) {
            assertThat(Convert.string(absent)).isNull();
            assertThat(Convert.integer(absent)).isNull();
            assertThat(Convert.longOrNull(absent)).isNull();
            assertThat(Convert.doubleOrNull(absent)).isNull();
            assertThat(Convert.instant(absent)).isNull();
        }
    }

    @Test
    void dateTimesAreInstants() {
        OffsetDateTime berlin = OffsetDateTime.of(2024, 3, 31, 3, 30, 0, 0, ZoneOffset.ofHours(2));
        assertThat(Convert.instant(Values.value(berlin))).isEqualTo(Instant.parse("2024-03-31T01:30:00Z"));
        assertThat(Convert.instant(Values.value(berlin.atZoneSameInstant(java.time.ZoneId.of("Europe/Berlin")))))
                .isEqualTo(Instant.parse("2024-03-31T01:30:00Z"));
    }

    @Test
    void instantsAreUtcParameters() {
        assertThat(Convert.utc(Instant.parse("2024-03-31T01:30:00Z")))
                .isEqualTo(OffsetDateTime.of(2024, 3, 31, 1, 30, 0, 0, ZoneOffset.UTC));
        assertThat(Convert.utc(null)).isNull();
    }

    @Test
    void collectionsAreNeverNull() {
        assertThat(Convert.strings(Values.value(List.of("a", "b")))).containsExactly("a", "b");
        assertThat(Convert.strings(Values.NULL)).isEmpty();
        assertThat(Convert.strings(null)).isEmpty();
        assertThat(Convert.list(Values.value(List.of(1, 2)), Value::asInt)).containsExactly(1, 2);
        assertThat(Convert.map(Values.value(Map.of("n", 1L)), Value::asLong)).containsExactly(Map.entry("n", 1L));
        assertThat(Convert.map(Values.NULL, Value::asLong)).isEmpty();
    }
}
