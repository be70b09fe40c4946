package org.storygraph.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * The first step of reading an item: bytes to text and the front matter in it. Refuses what is not UTF-8 text
 * (UTF-16/32 byte order marks, NUL bytes, malformed sequences, with the line and offset of the first bad byte), drops
 * a UTF-8 byte order mark, and finds the block between the first non-blank line, which must be {@code ---}, and the
 * next {@code ---} or {@code ...} line.
 */
final class FrontMatterDecoder {

    /**
     * The YAML between the two marker lines, lines joined with LF.
     *
     * @param openLine the (1-based) line of the opening {@code ---}
     */
    record Block(String yaml, int openLine) {

        /** The file line of the YAML's first line (1-based): add a YAML line (0-based) to get a file line. */
        int lineOffset() {
            return openLine + 1;
        }
    }

    private FrontMatterDecoder() {
    }

    /**
     * A whole file of at most {@code maxBytes} bytes as text (CSV, JSON Lines): UTF-8, a byte-order mark dropped;
     * UTF-16/32, binary content and invalid UTF-8 are refused with the same messages as for front matter.
     */
    static String text(byte[] bytes, int maxBytes) throws BadFileException {
        if (bytes.length > maxBytes) {
            throw new BadFileException(0, "file is " + bytes.length + " bytes, more than the limit of " + maxBytes);
        }
        checkTextEncoding(bytes);
        String text = decode(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new BadFileException(0, text.isEmpty() ? "empty file" : "empty file (only whitespace)");
        }
        return text;
    }

    /** The front matter of a file of at most {@code maxBytes} bytes. */
    static Block frontMatter(byte[] bytes, int maxBytes) throws BadFileException {
        if (bytes.length > maxBytes) {
            throw new BadFileException(0, "file is " + bytes.length + " bytes, more than the limit of " + maxBytes);
        }
        if (bytes.length == 0) {
            throw new BadFileException(0, "empty file");
        }
        checkTextEncoding(bytes);
        String text = decode(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new BadFileException(0, "empty file (only whitespace)");
        }
        String[] lines = text.split("\\r\\n|\\r|\\n", -1);
        int open = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            if (lines[i].stripTrailing().equals("---")) {
                open = i;
            }
            break;
        }
        if (open < 0) {
            throw new BadFileException(1, "no front matter: the file must start with a '---' line");
        }
        int close = -1;
        for (int i = open + 1; i < lines.length; i++) {
            String l = lines[i].stripTrailing();
            if (l.equals("---") || l.equals("...")) {
                close = i;
                break;
            }
        }
        if (close < 0) {
            throw new BadFileException(open + 1, "unterminated front matter: no closing '---' line");
        }
        return new Block(String.join("\n", java.util.Arrays.asList(lines).subList(open + 1, close)), open + 1);
    }

    /**
     * Refuses what is recognisably not UTF-8 text before decoding, so the message names the real problem: a byte
     * order mark of UTF-16/UTF-32, or NUL bytes (images, archives, office documents all contain them).
     */
    private static void checkTextEncoding(byte[] bytes) throws BadFileException {
        String encoding = null;
        int bomLength = 0;
        if (startsWith(bytes, 0xFF, 0xFE, 0, 0) || startsWith(bytes, 0, 0, 0xFE, 0xFF)) {
            encoding = "UTF-32";
            bomLength = 4;
        } else if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF)) {
            encoding = "UTF-16";
            bomLength = 2;
        }
        if (encoding != null) {
            StringBuilder bom = new StringBuilder();
            for (int i = 0; i < bomLength; i++) {
                bom.append(i == 0 ? "" : " ").append(hexByte(bytes[i]));
            }
            throw new BadFileException(0, encoding + " text (byte order mark " + bom
                    + "): only UTF-8 is read; save the file as UTF-8");
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new BadFileException(0, "binary content (NUL byte at offset " + i + "): not a text file");
            }
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String hexByte(byte b) {
        return String.format("%02X", b & 0xff);
    }

    private static String decode(byte[] bytes) throws BadFileException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (MalformedInputException e) {
            int offset = firstMalformedOffset(bytes);
            int line = 1;
            for (int i = 0; i < offset && i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            String value = offset < bytes.length ? "byte 0x" + hexByte(bytes[offset]) : "truncated sequence";
            throw new BadFileException(line, "not valid UTF-8 text (" + value + " at offset " + offset
                    + "; Latin-1 or Windows-1252?): save the file as UTF-8");
        } catch (CharacterCodingException e) {
            throw new BadFileException(0, "not valid UTF-8 text");
        }
    }

    private static int firstMalformedOffset(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        var out = java.nio.CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : bytes.length;
    }
}
