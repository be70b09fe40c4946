package org.storygraph.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class TimeRangeTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void readsDatesAndDateTimesWithAndWithoutZone() {
        assertThat(TimeRange.instant("from", "2020-06-11", ZoneOffset.UTC)).isEqualTo("2020-06-11T00:00:00Z");
        assertThat(TimeRange.instant("from", "2020-06-11T09:53", ZoneOffset.UTC)).isEqualTo("2020-06-11T09:53:00Z");
        assertThat(TimeRange.instant("from", "2020-06-11T09:53:07.5", ZoneOffset.UTC))
                .isEqualTo("2020-06-11T09:53:07.500Z");
        assertThat(TimeRange.instant("from", "2020-06-11T09:53:00Z", ZoneOffset.UTC))
                .isEqualTo("2020-06-11T09:53:00Z");
        assertThat(TimeRange.instant("from", "2020-06-11T09:53:00+02:00", ZoneOffset.UTC))
                .isEqualTo("2020-06-11T07:53:00Z");
        assertThat(TimeRange.instant("from", "  2020-06-11\n", ZoneOffset.UTC)).isEqualTo("2020-06-11T00:00:00Z");
    }

    @Test
    void readsTimesWithoutZoneInTheGivenZone() {
        assertThat(TimeRange.instant("from", "2020-06-24", BERLIN)).isEqualTo("2020-06-23T22:00:00Z");
        assertThat(TimeRange.instant("from", "2020-01-24T12:00", BERLIN)).isEqualTo("2020-01-24T11:00:00Z");
        assertThat(TimeRange.instant("from", "2020-06-24T12:00:00Z", BERLIN)).isEqualTo("2020-06-24T12:00:00Z");
        assertThat(TimeRange.parse("2020-06-24", "2020-06-25", BERLIN)).isEqualTo(new TimeRange(
                Instant.parse("2020-06-23T22:00:00Z"), Instant.parse("2020-06-24T22:00:00Z")));
    }

    @Test
    void keepsTheWrittenOffsetForDateTimes() {
        assertThat(TimeRange.dateTime("2020-06-11T09:53:00+02:00", ZoneOffset.UTC))
                .contains(OffsetDateTime.parse("2020-06-11T09:53:00+02:00"));
        assertThat(TimeRange.dateTime("2020-06-11T09:53", ZoneOffset.UTC))
                .contains(OffsetDateTime.parse("2020-06-11T09:53:00Z"));
        assertThat(TimeRange.dateTime("2020-06-11", ZoneId.of("UTC")))
                .contains(OffsetDateTime.parse("2020-06-11T00:00:00Z"));
        assertThat(TimeRange.dateTime("11/06/2020", ZoneOffset.UTC)).isEmpty();
    }

    @Test
    void blankOrMissingEndsAreOpen() {
        assertThat(TimeRange.parse(null, null)).isEqualTo(TimeRange.ALL);
        assertThat(TimeRange.parse("", "  ")).isEqualTo(TimeRange.ALL);
        assertThat(TimeRange.parse("2020-06-11", null).from()).isEqualTo("2020-06-11T00:00:00Z");
        assertThat(TimeRange.parse(null, "2020-06-11").to()).isEqualTo("2020-06-11T00:00:00Z");
    }

    @Test
    void refusesWhatIsNotATimeNamingTheParameter() {
        for (String bad : new String[] {"yesterday", "11/06/2020", "2020-02-30", "2020-06-11 09:53", "20200611",
                "2020-06-11T25:00"}) {
            assertThatThrownBy(() -> TimeRange.parse(bad, null)).as(bad)
                    .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                        assertThat(e.parameter()).isEqualTo("from");
                        assertThat(e.kind()).isEqualTo(StoryGraphException.Kind.INVALID);
                        assertThat(e.title()).isEqualTo("Bad request parameter");
                        assertThat(e).hasMessage("Invalid value '" + bad + "' for parameter 'from': expected an "
                                + "ISO-8601 date or date-time such as 2020-06-11 or 2020-06-11T09:53:00Z");
                    });
        }
        assertThatThrownBy(() -> TimeRange.parse("2020-06-11", "last-tuesday"))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("to"))
                .hasMessageContaining("'last-tuesday' for parameter 'to'");
        assertThatThrownBy(() -> TimeRange.instant("since", "soon", ZoneOffset.UTC))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("since"));
    }

    @Test
    void fromMustBeBeforeTo() {
        for (String[] range : new String[][] {{"2020-06-12", "2020-06-11"}, {"2020-06-11", "2020-06-11"},
                {"2020-06-11T02:00+02:00", "2020-06-11"}}) {
            assertThatThrownBy(() -> TimeRange.parse(range[0], range[1])).as(String.join(" to ", range))
                    .isInstanceOfSatisfying(InvalidParameterException.class,
                            e -> assertThat(e.parameter()).isEqualTo("from"))
                    .hasMessage("'from' must be before 'to'");
        }
        Instant t = Instant.parse("2020-06-11T00:00:00Z");
        assertThatThrownBy(() -> new TimeRange(t, t)).isInstanceOf(InvalidParameterException.class);
        assertThat(new TimeRange(t, t.plusNanos(1)).to()).isEqualTo(t.plusNanos(1));
    }

    @Test
    void aBoundedRangeNeedsBothEnds() {
        assertThat(TimeRange.parse("2020-06-10", "2020-06-11").bounded().from()).isEqualTo("2020-06-10T00:00:00Z");
        assertThatThrownBy(() -> TimeRange.parse(null, "2020-06-11").bounded())
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("from"))
                .hasMessage("'from' is required");
        assertThatThrownBy(() -> TimeRange.parse("2020-06-11", "").bounded())
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("to"));
    }
}
