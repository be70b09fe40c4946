package org.storygraph.feeds;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Polling intervals as written on the command line: {@code 90s}, {@code 15m}, {@code 2h}, {@code 1d} or ISO-8601. */
public final class Intervals {

    private static final Pattern SIMPLE = Pattern.compile("(\\d{1,9})\\s*(s|m|h|d)");

    private Intervals() {
    }

    /** The interval, or null when the text is none of the accepted forms. */
    public static Duration parse(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        Matcher m = SIMPLE.matcher(s);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(text.strip().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The largest unit that writes the interval exactly: {@code 15m}, {@code 2h}, {@code 90s}. */
    public static String format(Duration d) {
        if (d == null) {
            return null;
        }
        long s = d.toSeconds();
        if (s > 0 && s % 86400 == 0) {
            return s / 86400 + "d";
        }
        if (s > 0 && s % 3600 == 0) {
            return s / 3600 + "h";
        }
        if (s > 0 && s % 60 == 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }
}
