package org.storygraph.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.storygraph.cli.CliContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import org.apache.commons.csv.CSVPrinter;
import org.storygraph.common.Csv;

/**
 * {@code storygraph generate --articles N [--seed S] --out DIR}: writes a synthetic corpus in the seed file format,
 * 1,000 files per sub-folder, plus {@code truth.csv} ({@code webUrl,story}) so {@code evaluate-clusters} can score
 * it. Runs without a database.
 */
@Command(name = "generate", description = "Write a synthetic corpus in the seed format, 1,000 files per sub-folder, "
        + "and its gold stories (truth.csv, webUrl,story) for evaluate-clusters; no database.")
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--articles", paramLabel = "N", required = true, converter = Count.class,
            description = "how many articles (1_000_000 works too)")
    int articles;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "default ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "where the corpus goes")
    Path dir;

    @Spec
    CommandSpec spec;

    private final CliContext cli;

    GenerateCommand(CliContext cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        if (articles < 1) {
            throw new ParameterException(spec.commandLine(), "--articles must be at least 1");
        }
        PrintStream out = cli.out();
        PrintStream err = cli.err();
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
