package org.storygraph.story;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Offline experiments on a labelled corpus (not a test): java -cp ... org.storygraph.story.ClusterLab DIR.
 * Embeddings are cached under target/lab.
 */
public class ClusterLab {

    record Doc(String url, String title, String excerpt, long time, String topic, String gold) {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        List<Doc> docs = read(dir);
        System.out.println(docs.size() + " docs");
        float[][] emb = center(embeddings(docs, dir));
        int k = Integer.parseInt(System.getProperty("k", "30"));
        double nameBoost = Double.parseDouble(System.getProperty("nameBoost", "2"));
        boolean bigrams = Boolean.parseBoolean(System.getProperty("bigrams", "true"));
        TermExtractor extractor = new TermExtractor((float) nameBoost, bigrams);
        Lexicon lexicon = new Lexicon();
        List<Map<String, Float>> raw = new ArrayList<>();
        for (Doc d : docs) {
            Map<String, Float> t = extractor.terms(d.title() + (d.excerpt().isEmpty() ? "" : ". " + d.excerpt()));
            raw.add(t);
            lexicon.addDocument(t.keySet());
        }
        SparseVector[] lex = new SparseVector[docs.size()];
        for (int i = 0; i < docs.size(); i++) {
            lex[i] = lexicon.vector(raw.get(i));
        }
        Map<String, Integer> topicIds = new HashMap<>();
        int n = docs.size();
        // candidates: k nearest by embedding and k nearest by lexical cosine
        int[][] nn = new int[n][];
        int[][] nnLex = new int[n][];
        for (int i = 0; i < n; i++) {
            double[] s = new double[n];
            double[] sl = new double[n];
            for (int j = 0; j < n; j++) {
                s[j] = i == j ? -9 : dot(emb[i], emb[j]);
                sl[j] = i == j ? -9 : lex[i].dot(lex[j]);
            }
            nn[i] = topK(s, k);
            nnLex[i] = topK(sl, Integer.getInteger("kLex", 0));
        }
        String[] grid = System.getProperty("grid", "1,0,0").split(";");
        String[] thresholds = System.getProperty("th", "0.3,0.35,0.4,0.45,0.5").split(",");
        long bucket = Long.parseLong(System.getProperty("bucket", "86400"));
        double decay = Double.parseDouble(System.getProperty("decay", "0.5"));
        int maxBuckets = Integer.getInteger("maxBuckets", 2);
        for (String g : grid) {
            String[] w = g.split(",");
            for (String th : thresholds) {
                var weights = new Agglomerator.Weights(Double.parseDouble(w[0]), Double.parseDouble(w[1]),
                        Double.parseDouble(w[2]), Double.parseDouble(th), bucket, Integer.getInteger("plateau", 0), decay, maxBuckets);
                Agglomerator agg = new Agglomerator(weights);
                List<Agglomerator.Cluster> cs = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    Map<Integer, Double> topics = Map.of(topicIds.computeIfAbsent(docs.get(i).topic(), x -> topicIds.size()), 1.0);
                    cs.add(agg.addArticle(emb[i], lex[i], topics, docs.get(i).time()));
                }
                for (int i = 0; i < n; i++) {
                    for (int j : nn[i]) {
                        agg.link(cs.get(i), cs.get(j));
                    }
                    for (int j : nnLex[i]) {
                        agg.link(cs.get(i), cs.get(j));
                    }
                }
                long t0 = System.nanoTime();
                agg.run();
                long ms = (System.nanoTime() - t0) / 1_000_000;
                List<String> gold = new ArrayList<>();
                List<String> pred = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    gold.add(docs.get(i).gold());
                    pred.add("c" + cs.get(i).root().number);
                }
                System.out.printf("w=%s th=%s decay=%s -> %s (%d ms)%n", g, th, decay, ClusterScores.of(gold, pred), ms);
                if (Boolean.getBoolean("analyze")) {
                    analyze(docs, pred);
                }
            }
        }
    }

    static void analyze(List<Doc> docs, List<String> pred) {
        Map<String, Map<String, Integer>> byPred = new HashMap<>();
        Map<String, Integer> goldSize = new HashMap<>();
        Map<String, String> goldTitle = new HashMap<>();
        for (int i = 0; i < docs.size(); i++) {
            byPred.computeIfAbsent(pred.get(i), x -> new HashMap<>()).merge(docs.get(i).gold(), 1, Integer::sum);
            goldSize.merge(docs.get(i).gold(), 1, Integer::sum);
            goldTitle.putIfAbsent(docs.get(i).gold(), docs.get(i).title() + " @" + Instant.ofEpochSecond(docs.get(i).time()).toString().substring(5, 10));
        }
        System.out.println("  impure predicted clusters (gold: count):");
        byPred.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .sorted((a, b) -> Integer.compare(b.getValue().values().stream().mapToInt(x -> x).sum(), a.getValue().values().stream().mapToInt(x -> x).sum()))
                .limit(12).forEach(e -> {
                    System.out.println("   cluster " + e.getKey());
                    e.getValue().entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(5)
                            .forEach(g -> System.out.printf("      %4d/%4d %s%n", g.getValue(), goldSize.get(g.getKey()), goldTitle.get(g.getKey())));
                });
    }

    static float[][] center(float[][] e) {
        double c = Double.parseDouble(System.getProperty("center", "0"));
        if (c == 0) {
            return e;
        }
        double[] mu = new double[e[0].length];
        for (float[] v : e) {
            for (int i = 0; i < v.length; i++) {
                mu[i] += v[i] / e.length;
            }
        }
        float[][] out = new float[e.length][];
        for (int k = 0; k < e.length; k++) {
            float[] v = new float[e[k].length];
            double n = 0;
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (e[k][i] - c * mu[i]);
                n += v[i] * v[i];
            }
            if (Boolean.getBoolean("renorm")) {
                for (int i = 0; i < v.length; i++) {
                    v[i] /= (float) Math.sqrt(n);
                }
            }
            out[k] = v;
        }
        return out;
    }

    static int[] topK(double[] s, int k) {
        Integer[] idx = new Integer[s.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(s[b], s[a]));
        int[] out = new int[Math.min(k, idx.length)];
        for (int i = 0; i < out.length; i++) {
            out[i] = idx[i];
        }
        return out;
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    @SuppressWarnings("unchecked")
    static List<Doc> read(Path dir) throws IOException {
        Map<String, String> truth = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("truth.csv")).subList(1, Files.readAllLines(dir.resolve("truth.csv")).size())) {
            int comma = line.lastIndexOf(',');
            String url = line.substring(0, comma);
            if (url.startsWith("\"")) {
                url = url.substring(1, url.length() - 1).replace("\"\"", "\"");
            }
            truth.put(url, line.substring(comma + 1));
        }
        List<Doc> docs = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith("uci_")).sorted().toList()) {
                String text = Files.readString(p);
                String fm = text.substring(text.indexOf("---") + 3, text.lastIndexOf("---"));
                Map<String, Object> m = new Yaml(new SafeConstructor(new LoaderOptions())).load(fm);
                Object t = m.get("publishedDateTime");
                long time = t instanceof java.util.Date date ? date.toInstant().getEpochSecond() : Instant.parse(t.toString()).getEpochSecond();
                String url = (String) m.get("webUrl");
                docs.add(new Doc(url, (String) m.get("title"), m.get("excerpt") == null ? "" : (String) m.get("excerpt"),
                        time, ((List<String>) m.get("topics")).get(0), truth.get(url)));
            }
        }
        return docs;
    }

    static float[][] embeddings(List<Doc> docs, Path dir) throws IOException {
        Path cache = Path.of("target/lab/emb-" + Integer.toHexString(dir.toAbsolutePath().toString().hashCode()) + ".bin");
        if (Files.exists(cache)) {
            try (var in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(cache)))) {
                int n = in.readInt();
                float[][] e = new float[n][384];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < 384; j++) {
                        e[i][j] = in.readFloat();
                    }
                }
                if (n == docs.size()) {
                    return e;
                }
            }
        }
        long t0 = System.nanoTime();
        List<float[]> list;
        try (SentenceEmbedder embedder = new SentenceEmbedder(2)) {
            list = embedder.embedAll(docs.stream().map(d -> d.title() + (d.excerpt().isEmpty() ? "" : ". " + d.excerpt())).toList());
        }
        System.out.printf("embedded %d in %d ms%n", docs.size(), (System.nanoTime() - t0) / 1_000_000);
        Files.createDirectories(cache.getParent());
        try (var out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(cache)))) {
            out.writeInt(list.size());
            for (float[] v : list) {
                for (float f : v) {
                    out.writeFloat(f);
                }
            }
        }
        return list.toArray(new float[0][]);
    }
}
