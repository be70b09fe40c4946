package org.storygraph.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Value;

class ParamTypesTest {

    @Test
    void convertsJsonStrictly() {
        assertThat(ParamTypes.parseJson("int", 3)).isEqualTo(3L);
        assertThatThrownBy(() -> ParamTypes.parseJson("int", "3")).hasMessageContaining("whole JSON number");
        assertThatThrownBy(() -> ParamTypes.parseJson("int", 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ParamTypes.parseJson("float", 2)).isEqualTo(2.0);
        assertThatThrownBy(() -> ParamTypes.parseJson("boolean", "yes")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ParamTypes.parseJson("date", "2020-06-11")).isEqualTo(LocalDate.of(2020, 6, 11));
        assertThat(ParamTypes.parseJson("datetime", "2020-06-11T09:53"))
                .isEqualTo(OffsetDateTime.parse("2020-06-11T09:53:00Z"));
        assertThat(ParamTypes.parseJson("list<int>", List.of(1, 2))).isEqualTo(List.of(1L, 2L));
        assertThatThrownBy(() -> ParamTypes.parseJson("list<int>", List.of(1, "x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ParamTypes.parseJson("string", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ParamTypes.parseJson("date", "11/06/2020")).hasMessageContaining("not a date");
    }

    @Test
    void convertsText() {
        assertThat(ParamTypes.parseText("list<string>", "[a, 'b c', \"d\"]")).isEqualTo(List.of("a", "b c", "d"));
        assertThat(ParamTypes.parseText("boolean", "TRUE")).isEqualTo(true);
        Value duration = (Value) ParamTypes.parseText("duration", "P1M2DT3H4.5S");
        assertThat(duration.asIsoDuration().months()).isEqualTo(1);
        assertThat(duration.asIsoDuration().days()).isEqualTo(2);
        assertThat(duration.asIsoDuration().seconds()).isEqualTo(3 * 3600 + 4);
        assertThat(duration.asIsoDuration().nanoseconds()).isEqualTo(500_000_000);
        assertThatThrownBy(() -> ParamTypes.parseText("duration", "1 day")).hasMessageContaining("ISO-8601");
        assertThat(ParamTypes.isKnown("list<datetime>")).isTrue();
        assertThat(ParamTypes.isKnown("list<list<int>>")).isFalse();
        assertThat(ParamTypes.isKnown("map")).isFalse();
    }
}
