package org.storygraph.clustering;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Texts per second of the lab's sentence encoders on the same texts, side by side in one JVM (docs/clustering.md,
 * "The sentence encoder"): each encoder embeds a warm-up of 200 texts, then all texts, in {@code rounds} alternating
 * rounds. Usage: {@code EmbedSpeed FILE [ROUNDS=2] [ENCODER...]} with one text per line (default encoders: minilm,
 * e5). Not a test.
 */
final class EmbedSpeed {

    private EmbedSpeed() {
    }

    public static void main(String[] args) throws Exception {
        List<String> texts = Files.readAllLines(Path.of(args[0])).stream().filter(t -> !t.isBlank()).toList();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        List<String> names = args.length > 2 ? List.of(args).subList(2, args.length) : List.of("minilm", "e5");
        int threads = Runtime.getRuntime().availableProcessors();
        for (int round = 1; round <= rounds; round++) {
            for (String name : names) {
                SentenceEmbedder.Encoder encoder = StoryLab.ENCODERS.get(name);
                try (SentenceEmbedder embedder = new SentenceEmbedder(threads, encoder)) {
                    embedder.embedAll(texts.subList(0, Math.min(200, texts.size())));
                    long t0 = System.nanoTime();
                    embedder.embedAll(texts);
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    System.out.printf("round %d  %-32s %,d texts in %.2f s = %.0f texts/s (%d threads)%n", round,
                            encoder.name(), texts.size(), seconds, texts.size() / seconds, threads);
                }
            }
        }
    }
}
