package org.storygraph.ingest;

import static org.storygraph.ingest.TextCleaner.abbreviate;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;

/** The {@code publishedDateTime} of an item. */
final class FeedTimes {

    private static final DateTimeFormatter OFFSET_NO_COLON = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .appendOffset("+HHMM", "Z")
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT) // like the ISO formatters: 2020-02-30 is an error, not Feb 29
            .withChronology(IsoChronology.INSTANCE);

    private FeedTimes() {
    }

    /** Times as written in news feeds: ISO-8601 with or without zone, with a space or a T, or a date alone. */
    static Instant parse(String text, List<String> notes) {
        String s = text.strip();
        // a format that read the text but found an impossible value (month 13, February 30, hour 25)
        String invalidValue = null;
        try {
            return OffsetDateTime.parse(s.replace(' ', 'T'), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            invalidValue = invalidValue(e, invalidValue);
        }
        String t = s.replaceFirst("^(\\d{4}-\\d{2}-\\d{2}) ", "$1T");
        try {
            return OffsetDateTime.parse(t, OFFSET_NO_COLON).toInstant();
        } catch (DateTimeParseException e) {
            invalidValue = invalidValue(e, invalidValue);
        }
        try {
            Instant instant = LocalDateTime.parse(t, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
            notes.add("time without zone, UTC assumed");
            return instant;
        } catch (DateTimeParseException e) {
            invalidValue = invalidValue(e, invalidValue);
        }
        try {
            Instant instant = LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
            notes.add("date without time, midnight UTC assumed");
            return instant;
        } catch (DateTimeParseException e) {
            invalidValue = invalidValue(e, invalidValue);
            if (invalidValue != null) {
                throw new DateTimeParseException("impossible date/time '" + abbreviate(s) + "' (" + invalidValue + ")",
                        s, 0);
            }
            throw new DateTimeParseException("unparsable date/time '" + abbreviate(s) + "'", s, 0);
        }
    }

    /** The first reason why a text in the right shape holds no valid date ({@code Invalid date 'FEBRUARY 30'}). */
    private static String invalidValue(DateTimeParseException e, String known) {
        if (known != null || !(e.getCause() instanceof DateTimeException cause) || cause.getMessage() == null) {
            return known;
        }
        return abbreviate(cause.getMessage());
    }
}
