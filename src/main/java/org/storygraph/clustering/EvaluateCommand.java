package org.storygraph.clustering;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.storygraph.cli.Command;
import org.storygraph.common.Csv;
import org.storygraph.ingest.IngestService;
import org.storygraph.ingest.LoadProgress;
import org.storygraph.ingest.LoadReport;

/**
 * {@code evaluate-clusters DIR [--truth FILE] [--batches N] [--seed S] [--out FILE] [--errors N]}: loads a labelled corpus into a fresh embedded
 * database (the CLI gives this command a temporary one), clusters it — in one batch, or in N batches of files in a
 * random order with clustering after each, as they would arrive — writes {@code webUrl,cluster} predictions with
 * each article's original URLs, and prints B-cubed precision/recall/F1, ARI and NMI against the gold labels ({@code --truth}, default
 * {@code DIR/truth.csv}), then the worst merges and splits with example headlines ({@code --errors}, default 5).
 */
@Component
class EvaluateCommand implements Command {

    private static final String USAGE = "usage: storygraph evaluate-clusters DIR [--truth FILE] [--batches N] [--seed S]"
            + " [--out FILE] [--errors N]";

    private final IngestService ingest;
    private final StoryClusterer clusterer;
    private final Neo4jClient client;

    EvaluateCommand(IngestService ingest, StoryClusterer clusterer, Neo4jClient client) {
        this.ingest = ingest;
        this.clusterer = clusterer;
        this.client = client;
    }

    @Override
    public String name() {
        return "evaluate-clusters";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Path dir = null;
        int batches = 1;
        long seed = 1;
        Path output = Path.of("predictions.csv");
        Path truthFile = null;
        int errors = 5;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--batches" -> batches = Integer.parseInt(args.get(++i));
                case "--seed" -> seed = Long.parseLong(args.get(++i));
                case "--out" -> output = Path.of(args.get(++i));
                case "--truth" -> truthFile = Path.of(args.get(++i));
                case "--errors" -> errors = Integer.parseInt(args.get(++i));
                default -> {
                    if (a.startsWith("--") || dir != null) {
                        err.println(USAGE);
                        return 2;
                    }
                    dir = Path.of(a);
                }
            }
        }
        if (dir != null && truthFile == null) {
            truthFile = dir.resolve("truth.csv");
        }
        if (dir == null || !Files.isRegularFile(truthFile) || batches < 1) {
            err.println(USAGE + " (the gold labels " + (truthFile == null ? "DIR/truth.csv" : truthFile)
                    + " must exist)");
            return 2;
        }
        Map<String, String> truth = readTruth(truthFile);
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
        write(output, predicted);
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
        client.query("""
                MATCH (a:Article)
                OPTIONAL MATCH (a)-[:IN_STORY]->(s:Story)
                RETURN a.originalUrls AS urls, coalesce(s.id, 'article-' + a.id) AS cluster, a.title AS title
                ORDER BY cluster
                """).fetch().all().forEach(row -> {
            @SuppressWarnings("unchecked")
            List<String> urls = (List<String>) row.get("urls");
            urls.forEach(u -> {
                predicted.put(u.strip(), (String) row.get("cluster"));
                headlines.put(u.strip(), String.valueOf(row.get("title")));
            });
        });
        return predicted;
    }

    private static void write(Path output, Map<String, String> predicted) {
        try {
            if (output.toAbsolutePath().getParent() != null) {
                Files.createDirectories(output.toAbsolutePath().getParent());
            }
            try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8);
                    CSVPrinter csv = Csv.writer(w, "webUrl", "cluster")) {
                for (Map.Entry<String, String> p : predicted.entrySet()) {
                    csv.printRecord(p.getKey(), p.getValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A {@code webUrl,story} file (gold labels; the predictions written here read the same): URL → label, the first
     * row of a URL winning; blank rows skipped, fields stripped.
     */
    static Map<String, String> readTruth(Path file) {
        Map<String, String> truth = new LinkedHashMap<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser csv = Csv.reader(in)) {
            for (CSVRecord row : csv) {
                if (row.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (row.size() < 2) {
                    throw new IllegalArgumentException(file + " line " + csv.getCurrentLineNumber()
                            + ": expected webUrl,story");
                }
                truth.putIfAbsent(row.get(0).strip(), row.get(1).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return truth;
    }
}
