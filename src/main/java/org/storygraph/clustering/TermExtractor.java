package org.storygraph.clustering;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Lexical evidence of a headline: Lucene's English analyzer (standard tokenizer, possessives, lower case, English
 * stop words, Porter stemming). Names — words written with a capital letter that do not start the text, and
 * all-caps acronyms — weigh {@code nameBoost} times as much: "Titanfall", "GM", "Snowden" identify an event better
 * than "launch". Adjacent stems also form bigram terms ("facial recognition"), which separate events that share
 * their vocabulary but not their phrases. Returns term → weight (a term frequency, boosted).
 */
final class TermExtractor {

    private final Analyzer stemming = new EnglishAnalyzer();
    private final float nameBoost;
    private final boolean bigrams;

    TermExtractor(float nameBoost, boolean bigrams) {
        this.nameBoost = nameBoost;
        this.bigrams = bigrams;
    }

    /** Stems with weights, and for each stem the word as it was written (lower-cased), for labels. */
    record Terms(Map<String, Float> weights, Map<String, String> surfaces) {
    }

    Map<String, Float> terms(String text) {
        return extract(text).weights();
    }

    Terms extract(String text) {
        Map<String, Float> terms = new LinkedHashMap<>();
        Map<String, String> surfaces = new HashMap<>();
        if (text == null || text.isBlank()) {
            return new Terms(terms, surfaces);
        }
        Map<Integer, Boolean> capitalised = capitalisedStarts(text);
        try (TokenStream stream = stemming.tokenStream("t", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            String previous = null;
            String previousSurface = null;
            while (stream.incrementToken()) {
                String stem = term.toString();
                if (stem.length() < 2 && !Character.isDigit(stem.charAt(0))) {
                    previous = null;
                    continue;
                }
                boolean name = Boolean.TRUE.equals(capitalised.get(offset.startOffset()));
                terms.merge(stem, name ? nameBoost : 1f, Float::sum);
                String surface = text.substring(offset.startOffset(), offset.endOffset())
                        .toLowerCase(java.util.Locale.ROOT).replaceAll("['’]s$", "");
                surfaces.putIfAbsent(stem, surface);
                if (bigrams && previous != null && increment.getPositionIncrement() == 1) {
                    terms.merge(previous + " " + stem, 1f, Float::sum);
                    surfaces.putIfAbsent(previous + " " + stem, previousSurface + " " + surface);
                }
                previous = stem;
                previousSurface = surface;
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Terms(terms, surfaces);
    }

    /**
     * Start offsets of tokens that look like names: all-caps acronyms, and capitalised words that are not the first
     * word. In Title Case headlines every word is capitalised, so there only acronyms count.
     */
    private static Map<Integer, Boolean> capitalisedStarts(String text) {
        Map<Integer, Boolean> starts = new HashMap<>();
        Map<Integer, Boolean> acronyms = new HashMap<>();
        int words = 0;
        int capitalisedWords = 0;
        try (StandardTokenizer tokenizer = new StandardTokenizer()) {
            tokenizer.setReader(new StringReader(text));
            CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);
            tokenizer.reset();
            boolean first = true;
            while (tokenizer.incrementToken()) {
                String t = term.toString();
                boolean letters = t.chars().anyMatch(Character::isLetter);
                boolean allCaps = letters && t.length() >= 2
                        && t.chars().allMatch(c -> !Character.isLetter(c) || Character.isUpperCase(c));
                boolean capitalised = Character.isUpperCase(t.charAt(0));
                if (t.length() > 3 && letters) {
                    words++;
                    if (capitalised) {
                        capitalisedWords++;
                    }
                }
                starts.put(offset.startOffset(), allCaps || (capitalised && !first));
                acronyms.put(offset.startOffset(), allCaps);
                first = false;
            }
            tokenizer.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean titleCase = words >= 3 && capitalisedWords > 0.6 * words;
        return titleCase ? acronyms : starts;
    }
}
