package org.storygraph.ingest;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Text as it is stored and reported: normalised, cleaned, checked for look-alike letters, abbreviated. */
final class TextCleaner {

    private TextCleaner() {
    }

    /**
     * Unicode-normalised (NFC), control characters, zero-width spaces, line/paragraph separators and unpaired
     * surrogates removed, whitespace (with no-break spaces) collapsed to single spaces and trimmed; null when nothing
     * is left.
     */
    static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        String s = Normalizer.normalize(raw, Normalizer.Form.NFC);
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                space = sb.length() > 0;
                continue;
            }
            if (Character.isISOControl(c) || c == '\u200b' || c == '\u2028' || c == '\u2029') {
                continue;
            }
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1));
            if (Character.isSurrogate(c) && !pair) {
                continue; // half of a pair, written as an escape ("\uD800"): not text, and not encodable as UTF-8
            }
            if (space) {
                sb.append(' ');
                space = false;
            }
            sb.append(c);
            if (pair) {
                sb.append(s.charAt(++i));
            }
        }
        String cleaned = sb.toString();
        return cleaned.isEmpty() ? null : cleaned;
    }

    /** A word mixing scripts, and which ("Latin and Cyrillic letters"). */
    record ScriptMix(String scripts, String word) {
    }

    /**
     * The first word that mixes Latin letters with Cyrillic or Greek ones, the classic look-alike spoof
     * ({@code PаyPal} with a Cyrillic {@code а}); or null. Scripts written without spaces (Japanese, Chinese) never
     * mix Latin with Cyrillic or Greek inside a word.
     */
    static ScriptMix mixedScriptWord(String text) {
        int start = 0;
        while (start < text.length()) {
            int end = start;
            Set<Character.UnicodeScript> scripts = new LinkedHashSet<>();
            while (end < text.length()) {
                int cp = text.codePointAt(end);
                if (!Character.isLetter(cp) && Character.getType(cp) != Character.NON_SPACING_MARK) {
                    break;
                }
                Character.UnicodeScript script = Character.UnicodeScript.of(cp);
                if (script == Character.UnicodeScript.LATIN || script == Character.UnicodeScript.CYRILLIC
                        || script == Character.UnicodeScript.GREEK) {
                    scripts.add(script);
                }
                end += Character.charCount(cp);
            }
            if (scripts.size() > 1 && scripts.contains(Character.UnicodeScript.LATIN)) {
                List<String> names = scripts.stream().map(sc -> sc.name().charAt(0)
                        + sc.name().substring(1).toLowerCase(Locale.ROOT)).toList();
                return new ScriptMix(String.join(" and ", names) + " letters", text.substring(start, end));
            }
            start = end == start ? start + Character.charCount(text.codePointAt(start)) : end;
        }
        return null;
    }

    static String abbreviate(String s) {
        return s.codePointCount(0, s.length()) <= 60 ? s : s.substring(0, s.offsetByCodePoints(0, 57)) + "...";
    }
}
