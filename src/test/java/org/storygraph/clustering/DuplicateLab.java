package org.storygraph.clustering;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Calibrates the near-duplicate cosine for a sentence encoder (docs/clustering.md, "Related links and
 * near-duplicates"): over all article pairs of the labelled dev sets whose TF-IDF cosine reaches the duplicate bar
 * (0.8), the pairs each encoder's raw cosine calls copies at several thresholds, how many of them share a gold story,
 * and how they agree with the reference (MiniLM at 0.95, the bar the product was built with). Usage:
 * {@code DuplicateLab DIR:TRUTH...}. Not a test.
 */
final class DuplicateLab {

    private DuplicateLab() {
    }

    public static void main(String[] args) throws Exception {
        double[] thresholds = {0.93, 0.95, 0.96, 0.97, 0.98, 0.99};
        for (String arg : args) {
            String[] parts = arg.split(":");
            Path dir = Path.of(parts[0]);
            List<StoryLab.Doc> docs = StoryLab.read(dir, Path.of(parts[1]));
            float[][] reference = StoryLab.embeddings(docs, dir, StoryLab.ENCODERS.get("minilm"));
            float[][] e5 = StoryLab.embeddings(docs, dir, StoryLab.ENCODERS.get("e5"));
            SparseVector[] terms = StoryLab.terms(docs);
            List<int[]> pairs = new ArrayList<>();
            for (int i = 0; i < docs.size(); i++) {
                for (int j = i + 1; j < docs.size(); j++) {
                    if (terms[i].dot(terms[j]) >= 0.8) {
                        pairs.add(new int[] {i, j});
                    }
                }
            }
            System.out.printf("%s: %d articles, %d pairs with TF-IDF cosine >= 0.8%n", dir.getFileName(), docs.size(),
                    pairs.size());
            boolean[] ref = new boolean[pairs.size()];
            for (int p = 0; p < pairs.size(); p++) {
                ref[p] = Agglomerator.dot(reference[pairs.get(p)[0]], reference[pairs.get(p)[1]]) >= 0.95;
            }
            for (Map.Entry<String, float[][]> encoder : List.of(Map.entry("minilm", reference), Map.entry("e5", e5))) {
                String name = encoder.getKey();
                float[][] emb = encoder.getValue();
                for (double t : thresholds) {
                    int copies = 0;
                    int sameStory = 0;
                    int both = 0;
                    int refCount = 0;
                    for (int p = 0; p < pairs.size(); p++) {
                        int i = pairs.get(p)[0];
                        int j = pairs.get(p)[1];
                        refCount += ref[p] ? 1 : 0;
                        if (Agglomerator.dot(emb[i], emb[j]) >= t) {
                            copies++;
                            sameStory += docs.get(i).gold().equals(docs.get(j).gold()) ? 1 : 0;
                            both += ref[p] ? 1 : 0;
                        }
                    }
                    System.out.printf("  %-6s cosine >= %.2f: %5d copies, %5.1f %% in one gold story, %5d of the %d"
                            + " reference copies%n", name, t, copies, 100.0 * sameStory / Math.max(1, copies), both,
                            refCount);
                }
            }
        }
    }
}
