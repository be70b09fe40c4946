package org.storygraph.timeline;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.storygraph.timeline.TimelineService.Bucket;
import org.storygraph.common.InvalidParameterException;

/**
 * Bucket boundaries in a zone: local hours; local days from midnight to midnight (23 or 25 hours across a DST
 * change; where a zone skips midnight, the day starts at the first valid time); ISO weeks from Monday's start to the
 * next Monday's; calendar months from the first day's start. Plain java.time, no database.
 */
final class BucketGrid {

    static final int MAX_BUCKETS = 10_000;

    private final Bucket unit;
    private final ZoneId zone;

    BucketGrid(Bucket unit, ZoneId zone) {
        this.unit = unit;
        this.zone = zone;
    }

    /** The start of the bucket holding {@code t}. */
    Instant floor(Instant t) {
        ZonedDateTime local = t.atZone(zone);
        return switch (unit) {
            case HOUR -> local.truncatedTo(ChronoUnit.HOURS).toInstant();
            case DAY -> local.toLocalDate().atStartOfDay(zone).toInstant();
            case WEEK -> local.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                    .atStartOfDay(zone).toInstant();
            case MONTH -> local.toLocalDate().withDayOfMonth(1).atStartOfDay(zone).toInstant();
        };
    }

    /** {@code t} when it is a bucket start, else the start of the bucket after the one holding it. */
    Instant ceiling(Instant t) {
        Instant floor = floor(t);
        return floor.equals(t) ? t : next(floor);
    }

    /** The start of the bucket after the one starting at {@code start}. */
    Instant next(Instant start) {
        return switch (unit) {
            case HOUR -> {
                Instant plain = start.plus(1, ChronoUnit.HOURS);
                Instant aligned = floor(plain);
                // zones whose offset changes by less than an hour can pull the aligned hour back; never stand still
                yield aligned.isAfter(start) ? aligned : plain;
            }
            case DAY -> start.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
            case WEEK -> start.atZone(zone).toLocalDate().plusWeeks(1).atStartOfDay(zone).toInstant();
            case MONTH -> start.atZone(zone).toLocalDate().plusMonths(1).atStartOfDay(zone).toInstant();
        };
    }

    /**
     * Gap-free boundaries from the bucket holding {@code from} until one reaches {@code toExclusive}: n buckets as
     * n + 1 instants. More than {@link #MAX_BUCKETS} buckets is a 400 naming {@code parameter}.
     */
    Bounds bounds(Instant from, Instant toExclusive, String parameter) {
        List<Instant> bounds = new ArrayList<>();
        Instant at = floor(from);
        bounds.add(at);
        while (at.isBefore(toExclusive)) {
            if (bounds.size() > MAX_BUCKETS) {
                throw new InvalidParameterException(parameter, "The range from " + render(floor(from)) + " to "
                        + render(toExclusive) + " needs more than " + MAX_BUCKETS + " " + label() + " buckets; use "
                        + larger() + "a shorter range (from, to)");
            }
            at = next(at);
            bounds.add(at);
        }
        return new Bounds(List.copyOf(bounds));
    }

    private String larger() {
        return switch (unit) {
            case HOUR -> "bucket=day or ";
            case DAY -> "bucket=week or ";
            case WEEK -> "bucket=month or ";
            case MONTH -> "";
        };
    }

    String render(Instant t) {
        return t == null ? null : t.atZone(zone).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    String label() {
        return unit.label();
    }

    String zoneId() {
        return zone.getId();
    }

    /** Boundaries of consecutive buckets: bucket i runs from {@code at(i)} inclusive to {@code at(i + 1)}. */
    record Bounds(List<Instant> instants) {

        int buckets() {
            return instants.size() - 1;
        }

        Instant at(int i) {
            return instants.get(i);
        }

        Instant first() {
            return instants.getFirst();
        }

        Instant last() {
            return instants.getLast();
        }

        /** The bucket holding {@code t}, or -1 outside the range. */
        int indexOf(Instant t) {
            if (t == null || t.isBefore(first()) || !t.isBefore(last())) {
                return -1;
            }
            int i = Collections.binarySearch(instants, t);
            return i >= 0 ? i : -i - 2;
        }
    }
}
