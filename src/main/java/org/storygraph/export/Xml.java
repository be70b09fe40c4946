package org.storygraph.export;

import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.util.StreamUtils;

/** What the XML sinks share: a UTF-8 {@link XMLStreamWriter} and text XML 1.0 can hold; text UTF-8 can hold. */
final class Xml {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private Xml() {
    }

    /** A writer over {@code out} that never closes it. */
    static XMLStreamWriter writer(OutputStream out) {
        try {
            return FACTORY.createXMLStreamWriter(StreamUtils.nonClosing(out), "UTF-8");
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The value as XML text: times in ISO-8601 UTC, numbers as Java writes them, and characters XML 1.0 cannot
     * carry at all (control characters other than tab, CR and LF; unpaired surrogates; U+FFFE, U+FFFF) replaced by
     * U+FFFD, so that a stray byte in a title never makes the document unreadable. Markup characters ({@code <},
     * {@code &}, quotes) are escaped by the writer.
     */
    static String text(Object value) {
        String s = value instanceof TemporalAccessor t ? Instant.from(t).toString() : String.valueOf(value);
        StringBuilder clean = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) {
                ok = i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
                if (ok) {
                    if (clean != null) {
                        clean.append(c).append(s.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else {
                ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            }
            if (!ok && clean == null) {
                clean = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (clean != null) {
                clean.append(ok ? c : '\uFFFD');
            }
        }
        return clean == null ? s : clean.toString();
    }

    /**
     * The string with unpaired surrogates (which no UTF-8 encoder can write) replaced by U+FFFD; for the JSON and CSV
     * writers, which carry every other character.
     */
    static String unicode(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    StringBuilder clean = new StringBuilder(s.length()).append(s, 0, i).append('\uFFFD');
                    for (int j = i + 1; j < s.length(); j++) {
                        char d = s.charAt(j);
                        if (Character.isHighSurrogate(d) && j + 1 < s.length()
                                && Character.isLowSurrogate(s.charAt(j + 1))) {
                            clean.append(d).append(s.charAt(++j));
                        } else {
                            clean.append(Character.isSurrogate(d) ? '\uFFFD' : d);
                        }
                    }
                    return clean.toString();
                }
            }
        }
        return s;
    }

    /** Runs XML writing code, turning the checked StAX exception into an unchecked one. */
    static void run(XmlWork work) {
        try {
            work.run();
        } catch (XMLStreamException e) {
            if (e.getCause() instanceof java.io.IOException io) {
                throw new UncheckedIOException(io);
            }
            throw new IllegalStateException("Cannot write XML: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    interface XmlWork {
        void run() throws XMLStreamException;
    }
}
