package org.storygraph.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.storygraph.timeline.TimelineService.Bucket;
import org.storygraph.common.InvalidParameterException;

/** The java.time side of timelines: boundaries, DST, limits. No database needed. */
class BucketGridTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void utcBucketsAreWholeHoursAndDays() {
        BucketGrid hours = new BucketGrid(Bucket.HOUR, UTC);
        assertThat(hours.floor(Instant.parse("2020-06-11T09:53:00Z"))).isEqualTo("2020-06-11T09:00:00Z");
        assertThat(hours.ceiling(Instant.parse("2020-06-11T09:53:00Z"))).isEqualTo("2020-06-11T10:00:00Z");
        assertThat(hours.ceiling(Instant.parse("2020-06-11T10:00:00Z"))).isEqualTo("2020-06-11T10:00:00Z");
        assertThat(hours.render(Instant.parse("2020-06-11T09:00:00Z"))).isEqualTo("2020-06-11T09:00:00Z");
        BucketGrid days = new BucketGrid(Bucket.DAY, UTC);
        assertThat(days.floor(Instant.parse("2020-06-23T23:39:00Z"))).isEqualTo("2020-06-23T00:00:00Z");
    }

    @Test
    void localDaysStartAtLocalMidnight() {
        BucketGrid days = new BucketGrid(Bucket.DAY, BERLIN);
        // 23:39Z on the 23rd is 01:39 (+02:00) on the 24th in Berlin
        Instant t = Instant.parse("2020-06-23T23:39:00Z");
        assertThat(days.render(days.floor(t))).isEqualTo("2020-06-24T00:00:00+02:00");
        assertThat(days.floor(t)).isEqualTo("2020-06-23T22:00:00Z");
    }

    @Test
    void localDaysLast23Or25HoursAcrossDstChanges() {
        BucketGrid days = new BucketGrid(Bucket.DAY, BERLIN);
        BucketGrid.Bounds spring = days.bounds(Instant.parse("2020-03-29T12:00:00Z"),
                Instant.parse("2020-03-29T12:00:01Z"), "bucket");
        assertThat(spring.buckets()).isOne();
        assertThat(days.render(spring.first())).isEqualTo("2020-03-29T00:00:00+01:00");
        assertThat(days.render(spring.last())).isEqualTo("2020-03-30T00:00:00+02:00");
        assertThat(Duration.between(spring.first(), spring.last())).isEqualTo(Duration.ofHours(23));

        BucketGrid.Bounds autumn = days.bounds(Instant.parse("2020-10-25T12:00:00Z"),
                Instant.parse("2020-10-25T12:00:01Z"), "bucket");
        assertThat(days.render(autumn.first())).isEqualTo("2020-10-25T00:00:00+02:00");
        assertThat(days.render(autumn.last())).isEqualTo("2020-10-26T00:00:00+01:00");
        assertThat(Duration.between(autumn.first(), autumn.last())).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void localHoursRepeatTheDoubledHourAndSkipTheMissingOne() {
        BucketGrid hours = new BucketGrid(Bucket.HOUR, BERLIN);
        // 2020-10-25 in Berlin: 00:00+02:00 (22:00Z the day before) to 00:00+01:00 (23:00Z): 25 one-hour buckets
        BucketGrid.Bounds autumn = hours.bounds(Instant.parse("2020-10-24T22:00:00Z"),
                Instant.parse("2020-10-25T23:00:00Z"), "bucket");
        assertThat(autumn.buckets()).isEqualTo(25);
        List<String> starts = starts(hours, autumn);
        assertThat(starts).contains("2020-10-25T02:00:00+02:00", "2020-10-25T02:00:00+01:00");
        // 2020-03-29: 02:00 local does not exist; 23 buckets
        BucketGrid.Bounds spring = hours.bounds(Instant.parse("2020-03-28T23:00:00Z"),
                Instant.parse("2020-03-29T22:00:00Z"), "bucket");
        assertThat(spring.buckets()).isEqualTo(23);
        assertThat(starts(hours, spring)).contains("2020-03-29T01:00:00+01:00", "2020-03-29T03:00:00+02:00")
                .noneMatch(s -> s.startsWith("2020-03-29T02:"));
        for (int i = 0; i < spring.buckets(); i++) {
            assertThat(Duration.between(spring.at(i), spring.at(i + 1))).isEqualTo(Duration.ofHours(1));
        }
    }

    @Test
    void aDayWithoutMidnightStartsAtItsFirstValidTime() {
        // Brazil's DST of 2018 began at midnight: 2018-11-04 started at 01:00 (-02:00) in São Paulo
        BucketGrid days = new BucketGrid(Bucket.DAY, ZoneId.of("America/Sao_Paulo"));
        Instant noon = Instant.parse("2018-11-04T14:00:00Z");
        assertThat(days.render(days.floor(noon))).isEqualTo("2018-11-04T01:00:00-02:00");
        BucketGrid.Bounds day = days.bounds(noon, noon.plusSeconds(1), "bucket");
        assertThat(Duration.between(day.first(), day.last())).isEqualTo(Duration.ofHours(23));
    }

    @Test
    void hoursFollowLocalHoursInHalfHourZones() {
        BucketGrid hours = new BucketGrid(Bucket.HOUR, ZoneId.of("Asia/Kolkata"));
        Instant t = Instant.parse("2020-06-11T09:53:00Z"); // 15:23 +05:30
        assertThat(hours.floor(t)).isEqualTo("2020-06-11T09:30:00Z");
        assertThat(hours.render(hours.floor(t))).isEqualTo("2020-06-11T15:00:00+05:30");
    }

    @Test
    void findsTheBucketOfAnInstantInsideTheRangeOnly() {
        BucketGrid hours = new BucketGrid(Bucket.HOUR, UTC);
        BucketGrid.Bounds b = hours.bounds(Instant.parse("2020-06-11T09:53:00Z"),
                Instant.parse("2020-06-11T21:07:00Z").plusNanos(1), "bucket");
        // 09:00 .. 21:00 inclusive: 21 - 9 + 1 = 13 buckets
        assertThat(b.buckets()).isEqualTo(13);
        assertThat(b.indexOf(Instant.parse("2020-06-11T09:00:00Z"))).isZero();
        assertThat(b.indexOf(Instant.parse("2020-06-11T14:51:00Z"))).isEqualTo(5);
        assertThat(b.indexOf(Instant.parse("2020-06-11T21:59:59Z"))).isEqualTo(12);
        assertThat(b.indexOf(Instant.parse("2020-06-11T22:00:00Z"))).isEqualTo(-1);
        assertThat(b.indexOf(Instant.parse("2020-06-11T08:59:59Z"))).isEqualTo(-1);
    }

    @Test
    void allowsTenThousandBucketsAndNoMore() {
        BucketGrid hours = new BucketGrid(Bucket.HOUR, UTC);
        Instant from = Instant.parse("2020-01-01T00:00:00Z");
        assertThat(hours.bounds(from, from.plus(Duration.ofHours(10_000)), "from").buckets()).isEqualTo(10_000);
        assertThatThrownBy(() -> hours.bounds(from, from.plus(Duration.ofHours(10_001)), "from"))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("from");
                    assertThat(e.getMessage()).contains("10000", "bucket=day");
                });
    }

    @Test
    void weeksRunFromMondayToMondayInTheZone() {
        BucketGrid weeks = new BucketGrid(Bucket.WEEK, BERLIN);
        // Sunday 2024-03-03T23:30Z is Monday 00:30 in Berlin: the week of 03-04 there, of 02-26 in UTC
        Instant t = Instant.parse("2024-03-03T23:30:00Z");
        assertThat(weeks.render(weeks.floor(t))).isEqualTo("2024-03-04T00:00:00+01:00");
        assertThat(new BucketGrid(Bucket.WEEK, UTC).render(new BucketGrid(Bucket.WEEK, UTC).floor(t)))
                .isEqualTo("2024-02-26T00:00:00Z");
        // a Monday's start is its own bucket start; the instant before belongs to the week before
        Instant monday = Instant.parse("2024-03-03T23:00:00Z");
        assertThat(weeks.floor(monday)).isEqualTo(monday);
        assertThat(weeks.render(weeks.floor(monday.minusNanos(1)))).isEqualTo("2024-02-26T00:00:00+01:00");
        // the week of the spring DST change lasts 167 hours
        BucketGrid.Bounds dst = weeks.bounds(Instant.parse("2024-03-27T12:00:00Z"),
                Instant.parse("2024-03-27T12:00:01Z"), "bucket");
        assertThat(weeks.render(dst.first())).isEqualTo("2024-03-25T00:00:00+01:00");
        assertThat(weeks.render(dst.last())).isEqualTo("2024-04-01T00:00:00+02:00");
        assertThat(Duration.between(dst.first(), dst.last())).isEqualTo(Duration.ofHours(7 * 24 - 1));
    }

    @Test
    void monthsRunFromTheFirstToTheFirst() {
        BucketGrid months = new BucketGrid(Bucket.MONTH, UTC);
        BucketGrid.Bounds year = months.bounds(Instant.parse("2024-01-10T00:00:00Z"),
                Instant.parse("2024-12-31T23:00:00Z"), "bucket");
        assertThat(year.buckets()).isEqualTo(12);
        List<Long> days = new ArrayList<>();
        for (int i = 0; i < year.buckets(); i++) {
            days.add(Duration.between(year.at(i), year.at(i + 1)).toDays());
        }
        // 2024 is a leap year
        assertThat(days).containsExactly(31L, 29L, 31L, 30L, 31L, 30L, 31L, 31L, 30L, 31L, 30L, 31L);
        assertThat(months.render(year.last())).isEqualTo("2025-01-01T00:00:00Z");
        BucketGrid berlin = new BucketGrid(Bucket.MONTH, BERLIN);
        assertThat(berlin.render(berlin.floor(Instant.parse("2023-02-28T23:30:00Z"))))
                .isEqualTo("2023-03-01T00:00:00+01:00");
        assertThat(berlin.render(berlin.next(berlin.floor(Instant.parse("2023-02-28T23:30:00Z")))))
                .isEqualTo("2023-04-01T00:00:00+02:00");
    }

    @Test
    void tooManyBucketsSuggestsTheNextLargerOne() {
        Instant from = Instant.parse("1900-01-01T00:00:00Z");
        assertThatThrownBy(() -> new BucketGrid(Bucket.DAY, UTC).bounds(from, from.plus(Duration.ofDays(10_001)),
                "from")).hasMessageContaining("bucket=week");
        assertThatThrownBy(() -> new BucketGrid(Bucket.WEEK, UTC).bounds(from, Instant.parse("2200-01-01T00:00:00Z"),
                "from")).hasMessageContaining("bucket=month");
        assertThat(new BucketGrid(Bucket.MONTH, UTC).bounds(from, Instant.parse("2200-01-01T00:00:00Z"), "from")
                .buckets()).isEqualTo(300 * 12);
    }

    private static List<String> starts(BucketGrid grid, BucketGrid.Bounds bounds) {
        List<String> starts = new ArrayList<>();
        for (int i = 0; i < bounds.buckets(); i++) {
            starts.add(grid.render(bounds.at(i)));
        }
        return starts;
    }
}
