package org.storygraph.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

import org.storygraph.clustering.ClusterErrors;
import org.storygraph.clustering.ClusterScores;
import org.storygraph.clustering.LabelFiles;
import org.storygraph.clustering.StoryMemberships;
import org.storygraph.clustering.StoryClusterer;
import org.storygraph.ingest.IngestService;
import org.storygraph.ingest.LoadProgress;
import org.storygraph.ingest.LoadReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code evaluate-clusters DIR [--truth FILE] [--batches N] [--seed S] [--out FILE] [--errors N]}: loads a labelled
 * corpus into a fresh embedded database (a temporary one, see {@link CliContext#freshDatabase()}), clusters it — in
 * one batch, or in N batches of files in a random order with clustering after each, as they would arrive — writes
 * {@code webUrl,cluster} predictions with each article's original URLs, and prints B-cubed precision/recall/F1, ARI
 * and NMI against the gold labels ({@code --truth}, default {@code DIR/truth.csv}), then the worst merges and splits
 * with example headlines ({@code --errors}, default 5).
 */
@Command(name = "evaluate-clusters", description = {"Score the clustering on a labelled corpus.",
        "Loads the corpus into a fresh embedded database (in a temporary directory), clusters it, scores the stories "
                + "against the gold labels (B-cubed, ARI, NMI) and lists the worst merges and splits."})
class EvaluateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "the corpus")
    Path dir;

    @Option(names = "--truth", paramLabel = "FILE", description = "gold labels, webUrl,story (default DIR/truth.csv)")
    Path truthFile;

    @Option(names = "--batches", paramLabel = "N", defaultValue = "1", converter = PositiveInt.class,
            description = "load and cluster in N batches of files in a random order (default ${DEFAULT-VALUE})")
    int batches;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "seed of the batches' order (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "predictions.csv",
            description = "where the predictions go, webUrl,cluster (default ${DEFAULT-VALUE})")
    Path output;

    @Option(names = "--errors", paramLabel = "N", defaultValue = "5",
            description = "how many of the worst merges and splits to list (default ${DEFAULT-VALUE})")
    int errors;

    @Spec
    CommandSpec spec;

    private final CliContext cli;

    EvaluateCommand(CliContext cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        if (truthFile == null) {
            truthFile = dir.resolve("truth.csv");
        }
        if (!Files.isRegularFile(truthFile)) {
            throw new ParameterException(spec.commandLine(), "the gold labels " + truthFile + " must exist");
        }
        PrintStream out = cli.out();
        PrintStream err = cli.err();
        cli.freshDatabase();
        IngestService ingest = cli.bean(IngestService.class);
        StoryClusterer clusterer = cli.bean(StoryClusterer.class);
        Map<String, String> truth = LabelFiles.read(truthFile);
        List<Path> files = new ArrayList<>(ingest.itemFiles(List.of(dir)));
        if (batches > 1) {
            Collections.shuffle(files, new Random(seed));
        }
        long loadMillis = 0;
        long clusterMillis = 0;
        int size = (files.size() + batches - 1) / batches;
        for (int b = 0; b < batches; b++) {
            List<Path> part = files.subList(Math.min(files.size(), b * size), Math.min(files.size(), (b + 1) * size));
            long t0 = System.nanoTime();
            LoadReport report = ingest.load(part, LoadProgress.logging());
            long t1 = System.nanoTime();
            StoryClusterer.Result result = clusterer.clusterPending();
            long t2 = System.nanoTime();
            loadMillis += (t1 - t0) / 1_000_000;
            clusterMillis += (t2 - t1) / 1_000_000;
            err.printf("batch %d/%d: %d files loaded (%d failed), %d articles clustered in %d ms%n", b + 1, batches,
                    report.filesLoaded(), report.filesFailed(), result.articles(), (t2 - t1) / 1_000_000);
        }
        Map<String, String> headlines = new LinkedHashMap<>();
        Map<String, String> predicted = predictions(headlines);
        LabelFiles.write(output, "cluster", predicted);
        List<String> gold = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        truth.forEach((url, story) -> {
            gold.add(story);
            labels.add(predicted.getOrDefault(url, "missing:" + url));
        });
        ClusterScores scores = ClusterScores.of(gold, labels);
        out.printf("corpus:      %s (%d articles, %d files)%n", dir, truth.size(), files.size());
        out.printf("gold labels: %s%n", truthFile);
        out.printf("batches:     %d%s%n", batches, batches > 1 ? " (random order, seed " + seed + ")" : "");
        out.printf("load:        %.1f s%n", loadMillis / 1000.0);
        out.printf("clustering:  %.1f s%n", clusterMillis / 1000.0);
        out.printf("stories:     %d predicted, %d gold%n", scores.predictedClusters(), scores.goldClusters());
        out.printf("B-cubed:     precision %.4f  recall %.4f  F1 %.4f%n", scores.precision(), scores.recall(),
                scores.f1());
        out.printf("ARI:         %.4f%nNMI:         %.4f%n", scores.ari(), scores.nmi());
        out.printf("predictions: %s%n", output.toAbsolutePath());
        if (errors > 0) {
            ClusterErrors.of(truth, predicted, headlines).print(out, errors);
        }
        out.printf("bcubed_f1=%.4f%n", scores.f1());
        return 0;
    }

    /**
     * Every original URL of every article, labelled with its story (or the article itself when alone); fills
     * {@code headlines} with each URL's title.
     */
    private Map<String, String> predictions(Map<String, String> headlines) {
        Map<String, String> predicted = new LinkedHashMap<>();
        for (StoryMemberships.Membership m : cli.bean(StoryMemberships.class).all()) {
            for (String u : m.urls()) {
                predicted.put(u.strip(), m.cluster());
                headlines.put(u.strip(), String.valueOf(m.title()));
            }
        }
        return predicted;
    }
}
