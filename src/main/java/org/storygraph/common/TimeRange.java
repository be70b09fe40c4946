package org.storygraph.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A half-open time range {@code [from, to)}; either end may be open ({@code null}). When both are given,
 * {@code from} is before {@code to}: an empty or inverted range cannot be made.
 *
 * <p>The one place where StoryGraph reads the times people type, for the REST API, the CLI and saved-query
 * parameters alike: {@code 2020-06-11} (the start of that day), {@code 2020-06-11T09:53} (seconds and fractions
 * optional), each in a given zone (UTC unless said otherwise), or {@code 2020-06-11T09:53:00Z} /
 * {@code 2020-06-11T09:53:00+02:00} with their own offset. Surrounding blanks are ignored; an empty text is no time.
 * Malformed times and inverted ranges are {@link InvalidParameterException}s naming the parameter.
 */
public record TimeRange(Instant from, Instant to) {

    /** What a time may look like, for error messages and parameter descriptions. */
    public static final String FORMATS = "an ISO-8601 date or date-time such as 2020-06-11 or 2020-06-11T09:53:00Z";

    /** The range without bounds. */
    public static final TimeRange ALL = new TimeRange(null, null);

    /** @throws InvalidParameterException when both ends are given and {@code from} is not before {@code to} */
    public TimeRange {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidParameterException("from", "'from' must be before 'to'");
        }
    }

    /** The range between two typed times (either may be null or blank), read in UTC when they have no zone. */
    public static TimeRange parse(String from, String to) {
        return parse(from, to, ZoneOffset.UTC);
    }

    /** The range between two typed times (either may be null or blank); times without a zone are in {@code zone}. */
    public static TimeRange parse(String from, String to, ZoneId zone) {
        return new TimeRange(instant("from", from, zone), instant("to", to, zone));
    }

    /**
     * One typed time as an instant, or null for a null or blank text.
     *
     * @param parameter the name the error message gives the value
     * @throws InvalidParameterException when the text is not one of the accepted {@link #FORMATS}
     */
    public static Instant instant(String parameter, String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return dateTime(text, zone).map(OffsetDateTime::toInstant)
                .orElseThrow(() -> new InvalidParameterException(parameter, "Invalid value '" + text
                        + "' for parameter '" + parameter + "': expected " + FORMATS));
    }

    /**
     * One typed time with the offset it was written with ({@code zone}'s offset at that time when it has none), or
     * empty when the text is not one of the accepted {@link #FORMATS}.
     */
    public static Optional<OffsetDateTime> dateTime(String text, ZoneId zone) {
        String s = text.strip();
        try {
            return Optional.of(OffsetDateTime.parse(s));
        } catch (DateTimeParseException ignored) {
            // next form
        }
        try {
            return Optional.of(LocalDateTime.parse(s).atZone(zone).toOffsetDateTime());
        } catch (DateTimeParseException ignored) {
            // next form
        }
        try {
            return Optional.of(LocalDate.parse(s).atStartOfDay(zone).toOffsetDateTime());
        } catch (DateTimeParseException ignored) {
            return Optional.empty();
        }
    }

    /**
     * This range, when both ends are given.
     *
     * @throws InvalidParameterException naming the first missing end
     */
    public TimeRange bounded() {
        if (from == null || to == null) {
            String missing = from == null ? "from" : "to";
            throw new InvalidParameterException(missing, "'" + missing + "' is required");
        }
        return this;
    }
}
