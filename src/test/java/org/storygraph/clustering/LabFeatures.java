package org.storygraph.clustering;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Candidate features tried in the lab on top of {@link StoryModel#features} ({@code -Dextra=entity,density,...};
 * see the "What was tried" table of {@code docs/clustering.md}). The lab keeps the per-article evidence of these
 * features in the clusters' {@code topics} map, which it does not otherwise use: keys ≥ 0 are entity ids (an
 * IDF-weighted unit vector per article, summed per cluster), key −1 is the sum of the members' neighbourhood
 * density. Not a test.
 */
final class LabFeatures {

    static final int DENSITY = -1;

    private static final List<String> EXTRA = System.getProperty("extra", "").isBlank() ? List.of()
            : List.of(System.getProperty("extra").split(","));

    private LabFeatures() {
    }

    static String[] names() {
        List<String> names = new ArrayList<>(List.of(StoryModel.FEATURES));
        names.addAll(EXTRA);
        return names.toArray(String[]::new);
    }

    static double[] features(Agglomerator.Cluster a, Agglomerator.Cluster b) {
        double[] base = StoryModel.features(a, b);
        if (EXTRA.isEmpty()) {
            return base;
        }
        double[] out = Arrays.copyOf(base, base.length + EXTRA.size());
        double ea = entityNorm2(a);
        double eb = entityNorm2(b);
        double dot = entityDot(a, b);
        double pairs = (double) a.size * b.size;
        for (int k = 0; k < EXTRA.size(); k++) {
            out[base.length + k] = switch (EXTRA.get(k)) {
                // average entity cosine over article pairs
                case "entity" -> dot / pairs;
                // cosine of the two entity sums
                case "entityCentroid" -> ea == 0 || eb == 0 ? 0 : dot / Math.sqrt(ea * eb);
                // both have names but share none: evidence of two events
                case "entityConflict" -> ea > 0 && eb > 0 && dot == 0 ? 1 : 0;
                // mean neighbourhood density of the members of both clusters
                case "density" -> (a.topics.getOrDefault(DENSITY, 0.0) + b.topics.getOrDefault(DENSITY, 0.0))
                        / (a.size + b.size);
                // content similarity in a crowded neighbourhood
                case "centroidXdensity" -> base[2] * (a.topics.getOrDefault(DENSITY, 0.0)
                        + b.topics.getOrDefault(DENSITY, 0.0)) / (a.size + b.size);
                // centroid similarity above the neighbourhood's typical similarity
                case "margin" -> base[2] - (a.topics.getOrDefault(DENSITY, 0.0)
                        + b.topics.getOrDefault(DENSITY, 0.0)) / (a.size + b.size);
                default -> throw new IllegalArgumentException(EXTRA.get(k));
            };
        }
        return out;
    }

    private static double entityNorm2(Agglomerator.Cluster c) {
        double s = 0;
        for (var e : c.topics.entrySet()) {
            if (e.getKey() >= 0) {
                s += e.getValue() * e.getValue();
            }
        }
        return s;
    }

    private static double entityDot(Agglomerator.Cluster a, Agglomerator.Cluster b) {
        Map<Integer, Double> small = a.topics.size() <= b.topics.size() ? a.topics : b.topics;
        Map<Integer, Double> large = small == a.topics ? b.topics : a.topics;
        double s = 0;
        for (var e : small.entrySet()) {
            if (e.getKey() >= 0) {
                Double v = large.get(e.getKey());
                if (v != null) {
                    s += e.getValue() * v;
                }
            }
        }
        return s;
    }

    /** A scorer with the base and extra features and weights (bias first). */
    record Model(double[] w, double threshold, int windowDays) implements Agglomerator.Scorer {
        @Override
        public double score(Agglomerator.Cluster a, Agglomerator.Cluster b) {
            double[] f = features(a, b);
            double z = w[0] - threshold;
            for (int i = 0; i < f.length; i++) {
                z += w[i + 1] * f[i];
            }
            return z;
        }
    }

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}$£€][\\p{L}\\p{N}'’.&%]*");

    /**
     * Names in a text: acronyms, capitalised words not starting a sentence (in Title Case text only acronyms and
     * words the corpus writes capitalised when case carries meaning: {@code proper}), numbers with a unit or percent.
     * Lower-cased, possessive and trailing dots removed; runs of adjacent names also count as one phrase.
     */
    static List<String> entities(String text, java.util.Set<String> proper) {
        List<String> out = new ArrayList<>();
        List<String[]> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        int words = 0;
        int caps = 0;
        int lastEnd = 0;
        while (m.find()) {
            String t = m.group().replaceAll("['’]s$", "").replaceAll("[.'’-]+$", "");
            String between = text.substring(lastEnd, m.start());
            boolean start = tokens.isEmpty() || between.matches(".*[!?:;|\"“”(\\[].*|.*\\.\\s.*")
                    || between.contains(" - ") || between.contains(" — ");
            tokens.add(new String[] {t, start ? "1" : "0"});
            lastEnd = m.end();
            if (t.length() > 3 && t.chars().anyMatch(Character::isLetter)) {
                words++;
                if (Character.isUpperCase(t.charAt(0))) {
                    caps++;
                }
            }
        }
        boolean titleCase = words >= 3 && caps > 0.6 * words;
        List<String> run = new ArrayList<>();
        for (String[] tk : tokens) {
            String t = tk[0];
            if (t.isEmpty()) {
                continue;
            }
            String lower = t.toLowerCase(Locale.ROOT).replace(".", "");
            boolean letters = t.chars().anyMatch(Character::isLetter);
            boolean digits = t.chars().anyMatch(Character::isDigit);
            boolean acronym = letters && lower.length() >= 2 && t.chars().filter(Character::isUpperCase).count() >= 2;
            boolean capital = Character.isUpperCase(t.charAt(0));
            boolean name;
            if (digits) {
                name = t.matches(".*[%$£€].*") || t.matches("\\d+(\\.\\d+)?[a-zA-Z]+") || t.matches("\\d{4}");
            } else if (acronym) {
                name = !STOP.contains(lower);
            } else if (titleCase || "1".equals(tk[1])) {
                name = capital && proper.contains(lower);
            } else {
                name = capital && !STOP.contains(lower);
            }
            if (name) {
                out.add(lower);
                run.add(lower);
            } else {
                if (run.size() > 1) {
                    out.add(String.join(" ", run));
                }
                run.clear();
            }
        }
        if (run.size() > 1) {
            out.add(String.join(" ", run));
        }
        return out;
    }

    private static final java.util.Set<String> STOP = java.util.Set.of("the", "a", "an", "and", "or", "of", "in",
            "on", "at", "to", "for", "is", "it", "its", "as", "by", "with", "from", "new", "says", "say", "i", "we",
            "he", "she", "they", "this", "that", "but", "not", "no", "after", "over", "up", "video", "watch",
            "update", "report", "live", "exclusive", "breaking", "photos", "how", "why", "what", "who", "when");

    /**
     * Words the corpus writes capitalised in at least half of their occurrences inside sentences of sentence-case
     * text (where case carries meaning) — a truecasing statistic that lets Title Case headlines have names too.
     */
    static java.util.Set<String> properWords(List<String> texts) {
        Map<String, int[]> counts = new HashMap<>();
        for (String text : texts) {
            List<String> ents = entities(text, java.util.Set.of());
            Matcher m = TOKEN.matcher(text);
            int words = 0;
            int caps = 0;
            List<String> all = new ArrayList<>();
            while (m.find()) {
                String t = m.group().replaceAll("['’]s$", "").replaceAll("[.'’-]+$", "");
                all.add(t);
                if (t.length() > 3 && t.chars().anyMatch(Character::isLetter)) {
                    words++;
                    if (!t.isEmpty() && Character.isUpperCase(t.charAt(0))) {
                        caps++;
                    }
                }
            }
            if (words >= 3 && caps > 0.6 * words) {
                continue;
            }
            java.util.Set<String> named = new java.util.HashSet<>(ents);
            for (int i = 1; i < all.size(); i++) {
                String t = all.get(i);
                if (t.isEmpty() || !t.chars().anyMatch(Character::isLetter)) {
                    continue;
                }
                String lower = t.toLowerCase(Locale.ROOT).replace(".", "");
                int[] c = counts.computeIfAbsent(lower, k -> new int[2]);
                c[1]++;
                if (named.contains(lower)) {
                    c[0]++;
                }
            }
        }
        java.util.Set<String> proper = new java.util.HashSet<>();
        counts.forEach((w, c) -> {
            if (c[1] >= 2 && c[0] * 2 >= c[1] && !STOP.contains(w)) {
                proper.add(w);
            }
        });
        return proper;
    }
}
