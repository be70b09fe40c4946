package org.storygraph.clustering;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A story's label: its representative headline and the key phrases that set the story apart from the rest of the
 * graph. Terms are ranked by class-based TF-IDF (as in BERTopic): the share of the story's members that use a term
 * times {@code ln(1 + N / df)}, the term's rarity in the whole graph — so words every story uses ("its", "say",
 * "used") rank last however often the story uses them, and a multi-word name such as "facial recognition" ranks as
 * one phrase. Only terms at least two members share are considered, and only terms the story owns: at least half
 * of the graph's articles using the term belong to the story ({@link #concentration}), so a word that is merely rare
 * in a small graph ("company") is not taken for the name of an event.
 */
final class StoryLabels {

    static final int LABEL_TERMS = 4;
    static final int TOP_TERMS = 8;
    /** The least share of a term's uses in the graph that must fall in the story for it to be a key phrase. */
    static final double CONCENTRATION = 0.5;

    /** A term several members of a story share: its key, how it is written, and how many members use it. */
    record Candidate(String key, String surface, int members) {
    }

    /** The label, and the story's top terms best first. */
    record Label(String text, List<String> terms) {
    }

    /** Words never a key phrase on their own, nor at either end of one (src/main/resources/story/label-stopwords.txt). */
    static final Set<String> STOPWORDS = stopwords();

    private final Lexicon lexicon;

    private static Set<String> stopwords() {
        try (var in = StoryLabels.class.getResourceAsStream("/story/label-stopwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("story/label-stopwords.txt is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A phrase worth showing: not a stop word, and neither starting nor ending with one. */
    static boolean meaningful(String surface) {
        String[] words = surface.replace('’', '\'').split(" ");
        return surface.length() > 2 && !STOPWORDS.contains(words[0]) && !STOPWORDS.contains(words[words.length - 1])
                && words[0].chars().anyMatch(Character::isLetter);
    }

    StoryLabels(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** c-TF-IDF of a term used by {@code members} of {@code considered} members. */
    double score(Candidate c, int considered) {
        long documents = Math.max(1, lexicon.documents());
        double df = Math.max(1, Math.min(documents, lexicon.documentFrequency(c.key())));
        return (double) c.members() / Math.max(1, considered) * Math.log(1 + documents / df);
    }

    /**
     * The share of the graph's articles using a term that belong to this story, estimated from the {@code considered}
     * members read of its {@code size}: a key phrase must be the story's own (at least {@link #CONCENTRATION}), not a
     * word that happens to be rare — "company", "police" and "tech" are rare in a small graph but most of their
     * uses are in other stories, while "boston" or "city council" are used mostly by the story that names them.
     */
    double concentration(Candidate c, int considered, int size) {
        double uses = (double) c.members() * Math.max(size, considered) / Math.max(1, considered);
        return uses / Math.max(1, lexicon.documentFrequency(c.key()));
    }

    Label label(String headline, List<Candidate> candidates, int considered, int size) {
        List<Candidate> ranked = new ArrayList<>(candidates);
        ranked.sort(Comparator.comparingDouble((Candidate c) -> -score(c, considered)).thenComparing(Candidate::key));
        List<String> top = new ArrayList<>();
        for (Candidate c : ranked) {
            if (top.size() >= TOP_TERMS) {
                break;
            }
            if (meaningful(c.surface()) && concentration(c, considered, size) >= CONCENTRATION
                    && !covered(top, c.surface())) {
                top.add(c.surface());
            }
        }
        String lower = headline == null ? "" : headline.toLowerCase(Locale.ROOT);
        List<String> picked = new ArrayList<>();
        for (String t : top) {
            if (picked.size() < LABEL_TERMS && !lower.contains(t) && !covered(picked, t)) {
                picked.add(t);
            }
        }
        String text = picked.isEmpty() ? headline : headline + " — " + String.join(", ", picked);
        return new Label(text, top);
    }

    /** Whether {@code term} is part of a phrase already taken, or takes in a word already taken. */
    private static boolean covered(List<String> taken, String term) {
        for (String t : taken) {
            if ((" " + t + " ").contains(" " + term + " ") || (" " + term + " ").contains(" " + t + " ")) {
                return true;
            }
        }
        return false;
    }
}
