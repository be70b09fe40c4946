package org.storygraph.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVPrinter;
import org.storygraph.common.Csv;

/**
 * {@code storygraph generate --articles N [--seed S] --out DIR}: writes a synthetic corpus in the seed file format,
 * 1,000 files per sub-folder, plus {@code truth.csv} ({@code webUrl,story}) so {@code evaluate-clusters} can score
 * it. Runs without a database.
 */
public final class GenerateCommand {

    private GenerateCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Integer articles = null;
        long seed = 42;
        Path dir = null;
        try {
            for (int i = 0; i < args.size(); i++) {
                switch (args.get(i)) {
                    case "--articles" -> articles = Integer.parseInt(args.get(++i).replace("_", ""));
                    case "--seed" -> seed = Long.parseLong(args.get(++i));
                    case "--out" -> dir = Path.of(args.get(++i));
                    default -> throw new IllegalArgumentException(args.get(i));
                }
            }
        } catch (RuntimeException e) {
            articles = null;
        }
        if (articles == null || articles < 1 || dir == null) {
            err.println("usage: storygraph generate --articles N [--seed S] --out DIR");
            return 2;
        }
        long started = System.nanoTime();
        CorpusGenerator generator = new CorpusGenerator(articles, seed);
        try {
            Files.createDirectories(dir);
            try (BufferedWriter file = Files.newBufferedWriter(dir.resolve("truth.csv"), StandardCharsets.UTF_8);
                    CSVPrinter truth = Csv.writer(file, "webUrl", "story")) {
                Iterator<CorpusGenerator.Article> it = generator.articles();
                long lastReport = System.nanoTime();
                while (it.hasNext()) {
                    CorpusGenerator.Article a = it.next();
                    Path folder = dir.resolve(String.format(Locale.ROOT, "%04d", a.index() / 1000));
                    if (a.index() % 1000 == 0 || !Files.isDirectory(folder)) {
                        Files.createDirectories(folder);
                    }
                    Files.writeString(folder.resolve(String.format(Locale.ROOT, "g%07d.txt", a.index())),
                            CorpusGenerator.toFile(a), StandardCharsets.UTF_8);
                    truth.printRecord(a.url(), a.story());
                    if (System.nanoTime() - lastReport > 2_000_000_000L) {
                        err.printf("generate: %,d/%,d articles%n", a.index() + 1, articles);
                        lastReport = System.nanoTime();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.printf("Generated %,d articles in %,d stories from %,d providers into %s in %.1f s%n", articles,
                generator.storyCount(), generator.providerCount(), dir, (System.nanoTime() - started) / 1e9);
        return 0;
    }
}
