package org.storygraph.clustering;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
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

import dev.langchain4j.model.embedding.onnx.PoolingMode;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Offline clustering of a labelled corpus with the production {@link Agglomerator} and features, without a
 * database: the experiments behind {@code docs/clustering.md} and the model fit ({@link StoryModelFit}). Candidates
 * are the exact 20 nearest neighbours by embedding within the model's window (the product asks the vector index for
 * the same). Embeddings are cached under {@code target/lab}. Not a test.
 *
 * <p>{@code java -cp ... org.storygraph.story.StoryLab DIR [TRUTH]} clusters with the fitted defaults and prints the
 * scores and the worst errors.
 */
public class StoryLab {

    static final int NEIGHBOURS = 20;
    private static final long DAY = 86_400;

    record Doc(String url, String title, String excerpt, long time, String gold) {
        String text() {
            return excerpt.isBlank() ? title : title + ". " + excerpt;
        }
    }

    /** A prepared corpus: documents, their unit embeddings and TF-IDF vectors, and candidate neighbours. */
    record Corpus(String name, List<Doc> docs, float[][] embeddings, SparseVector[] terms, int[][] neighbours,
            List<Map<Integer, Double>> extra) {
        List<String> gold() {
            return docs.stream().map(Doc::gold).toList();
        }
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        if (args.length == 1 && !Files.exists(dir.resolve("truth.csv"))) {
            seeds(dir);
            return;
        }
        Corpus corpus = prepare(dir, args.length > 1 ? Path.of(args[1]) : dir.resolve("truth.csv"), 30);
        List<String> predicted = cluster(corpus, model());
        System.out.println(corpus.name() + ": " + ClusterScores.of(corpus.gold(), predicted));
        Map<String, String> gold = new HashMap<>();
        Map<String, String> pred = new HashMap<>();
        Map<String, String> headlines = new HashMap<>();
        for (int i = 0; i < corpus.docs().size(); i++) {
            Doc d = corpus.docs().get(i);
            gold.put(d.url(), d.gold());
            pred.put(d.url(), predicted.get(i));
            headlines.put(d.url(), d.title());
        }
        ClusterErrors.of(gold, pred, headlines).print(System.out, Integer.getInteger("errors", 5));
    }

    static Corpus prepare(Path dir, Path truth, int windowDays) throws IOException {
        List<Doc> docs = read(dir, truth);
        float[][] emb = embeddings(docs, dir);
        if (!Boolean.getBoolean("raw")) {
            emb = center(emb);
        }
        return corpus(dir, docs, emb, windowDays);
    }

    static Corpus corpus(Path dir, List<Doc> docs, float[][] emb, int windowDays) {
        SparseVector[] lex = terms(docs);
        int n = docs.size();
        int[][] nn = new int[n][];
        for (int i = 0; i < n; i++) {
            double[] s = new double[n];
            for (int j = 0; j < n; j++) {
                boolean near = Math.abs(docs.get(i).time() - docs.get(j).time()) <= (windowDays + 1) * DAY;
                s[j] = i == j || !near ? Double.NEGATIVE_INFINITY : Agglomerator.dot(emb[i], emb[j]);
            }
            nn[i] = topK(s, NEIGHBOURS);
        }
        return new Corpus(dir.getFileName().toString(), docs, emb, lex, nn, extra(docs, emb, nn));
    }

    /** Each document's TF-IDF vector (bigrams, names weighted 2×), document frequencies over {@code docs}. */
    static SparseVector[] terms(List<Doc> docs) {
        TermExtractor extractor = new TermExtractor(2, true);
        Lexicon lexicon = new Lexicon();
        List<Map<String, Float>> raw = new ArrayList<>();
        for (Doc d : docs) {
            Map<String, Float> t = extractor.terms(d.text());
            raw.add(t);
            lexicon.addDocument(t.keySet());
        }
        SparseVector[] lex = new SparseVector[docs.size()];
        for (int i = 0; i < docs.size(); i++) {
            lex[i] = lexicon.vector(raw.get(i));
        }
        return lex;
    }

    /** Per-article evidence of the candidate features of {@link LabFeatures}: entity vector and density. */
    static List<Map<Integer, Double>> extra(List<Doc> docs, float[][] emb, int[][] nn) {
        java.util.Set<String> proper = Boolean.getBoolean("truecase")
                ? LabFeatures.properWords(docs.stream().map(Doc::text).toList()) : java.util.Set.of();
        List<java.util.Set<String>> ents = new ArrayList<>();
        Map<String, Integer> df = new HashMap<>();
        Map<String, Integer> ids = new HashMap<>();
        for (Doc d : docs) {
            java.util.Set<String> e = new java.util.TreeSet<>(LabFeatures.entities(d.text(), proper));
            ents.add(e);
            e.forEach(x -> df.merge(x, 1, Integer::sum));
        }
        int densityK = Integer.getInteger("densityK", 10);
        List<Map<Integer, Double>> out = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            Map<Integer, Double> m = new HashMap<>();
            double norm = 0;
            for (String x : ents.get(i)) {
                double w = Math.log(1 + (double) docs.size() / df.get(x));
                m.put(ids.computeIfAbsent(x, k -> ids.size()), w);
                norm += w * w;
            }
            double n = Math.sqrt(norm);
            m.replaceAll((k, v) -> v / n);
            double density = 0;
            int k = 0;
            for (int j : nn[i]) {
                if (k++ >= densityK) {
                    break;
                }
                density += Agglomerator.dot(emb[i], emb[j]);
            }
            m.put(LabFeatures.DENSITY, k == 0 ? 0 : density / Math.min(k, densityK));
            out.add(m);
        }
        if (System.getProperty("showEntities") != null) { // a spread sample of headlines and their names
            for (int i = 0; i < Math.min(docs.size(), 40); i++) {
                System.out.println(docs.get(i * 37 % docs.size()).title() + "  ->  " + ents.get(i * 37 % docs.size()));
            }
        }
        return out;
    }

    /** The fitted model, or the weights of {@code -Dweights=bias,w1,...} and {@code -Dthreshold}. */
    static StoryModel model() {
        String w = System.getProperty("weights");
        if (w == null) {
            return StoryModel.fitted();
        }
        return StoryModel.of(Arrays.stream(w.split(",")).mapToDouble(Double::parseDouble).toArray(),
                Double.parseDouble(System.getProperty("threshold", "0")), StoryModel.fitted().windowDays());
    }

    /** Clusters a folder of unlabelled documents and their related items (the seeds) and prints the groups. */
    @SuppressWarnings("unchecked")
    static void seeds(Path dir) throws IOException {
        Map<String, Doc> byUrl = new java.util.TreeMap<>();
        try (var files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                String text = Files.readString(p);
                int start = text.indexOf("---") + 3;
                Map<String, Object> m = new Yaml(new SafeConstructor(new LoaderOptions()))
                        .load(text.substring(start, text.indexOf("\n---", start)));
                List<Map<String, Object>> items = new ArrayList<>(List.of(m));
                if (m.get("related") instanceof List<?> related) {
                    items.addAll((List<Map<String, Object>>) related);
                }
                for (Map<String, Object> item : items) {
                    Object t = item.get("publishedDateTime");
                    long time = t instanceof java.util.Date date ? date.toInstant().getEpochSecond()
                            : Instant.parse(t.toString()).getEpochSecond();
                    String url = item.get("webUrl").toString().replace("://www.", "://").replaceAll("[?].*", "");
                    String excerpt = item.get("excerpt") == null ? "" : item.get("excerpt").toString();
                    byUrl.putIfAbsent(url, new Doc(url, item.get("title").toString(), excerpt, time, url));
                }
            }
        }
        List<Doc> docs = List.copyOf(byUrl.values());
        float[][] emb = embeddings(docs, dir);
        if (!Boolean.getBoolean("raw")) {
            emb = center(emb);
        }
        Corpus corpus = corpus(dir, docs, emb, 30);
        List<String> predicted = cluster(corpus, model());
        Map<String, List<Integer>> groups = new java.util.TreeMap<>();
        for (int i = 0; i < docs.size(); i++) {
            groups.computeIfAbsent(predicted.get(i), k -> new ArrayList<>()).add(i);
        }
        groups.values().forEach(g -> {
            System.out.println("story:");
            g.forEach(i -> System.out.printf("   %s %s  [%s]%n", Instant.ofEpochSecond(docs.get(i).time())
                    .toString().substring(5, 10), docs.get(i).title(), docs.get(i).url().replaceAll("https?://", "")
                    .replaceAll("/.*", "")));
        });
        if (System.getProperty("pair") != null) {
            for (int i = 0; i < docs.size(); i++) {
                for (int j = i + 1; j < docs.size(); j++) {
                    System.out.printf("%.2f %s | %s%n", Agglomerator.dot(emb[i], emb[j]), docs.get(i).title(),
                            docs.get(j).title());
                }
            }
        }
    }

    /** Clusters the whole corpus in one batch; returns each document's predicted cluster. */
    static List<String> cluster(Corpus corpus, Agglomerator.Scorer scorer) {
        Agglomerator agg = new Agglomerator(scorer);
        List<Agglomerator.Cluster> cs = new ArrayList<>();
        for (int i = 0; i < corpus.docs().size(); i++) {
            cs.add(agg.addArticle(corpus.embeddings()[i], corpus.terms()[i], corpus.extra().get(i),
                    corpus.docs().get(i).time()));
        }
        for (int i = 0; i < cs.size(); i++) {
            for (int j : corpus.neighbours()[i]) {
                agg.link(cs.get(i), cs.get(j));
            }
        }
        agg.run();
        return cs.stream().map(c -> "c" + c.root().number).toList();
    }

    /** Each embedding measured from the corpus mean, as the product does ({@link MeanEmbedding}). */
    static float[][] center(float[][] e) {
        MeanEmbedding mean = new MeanEmbedding();
        for (float[] v : e) {
            mean.add(v);
        }
        float[][] out = new float[e.length][];
        for (int k = 0; k < e.length; k++) {
            out[k] = mean.center(e[k]);
        }
        return out;
    }

    static int[] topK(double[] s, int k) {
        Integer[] idx = new Integer[s.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(s[b], s[a]));
        return Arrays.stream(idx).limit(k).filter(i -> s[i] != Double.NEGATIVE_INFINITY).mapToInt(i -> i).toArray();
    }

    static List<Doc> read(Path dir, Path truthFile) throws IOException {
        Map<String, String> truth = LabelFiles.read(truthFile);
        List<Doc> docs = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList()) {
                String text = Files.readString(p);
                int start = text.indexOf("---") + 3;
                String fm = text.substring(start, text.indexOf("\n---", start));
                Map<String, Object> m = new Yaml(new SafeConstructor(new LoaderOptions())).load(fm);
                Object t = m.get("publishedDateTime");
                long time = t instanceof java.util.Date date ? date.toInstant().getEpochSecond()
                        : Instant.parse(t.toString()).getEpochSecond();
                String url = (String) m.get("webUrl");
                String excerpt = m.get("excerpt") == null ? "" : m.get("excerpt").toString();
                String gold = truth.get(url);
                if (gold != null) {
                    docs.add(new Doc(url, (String) m.get("title"), excerpt, time, gold));
                }
            }
        }
        return docs;
    }

    /** Sentence encoders the lab can compare ({@code -Dencoder=NAME}); the product's is {@code minilm}. */
    static final Map<String, SentenceEmbedder.Encoder> ENCODERS = Map.of(
            "minilm", SentenceEmbedder.MINILM,
            "e5", e5("e5-small-v2 (quantised)", ""),
            "e5-query", e5("e5-small-v2, query: prefix", "query: "),
            "e5-passage", e5("e5-small-v2, passage: prefix", "passage: "),
            "bge", new SentenceEmbedder.Encoder("bge-small-en-v1.5 (quantised)", "/bge-small-en-v1.5-q.onnx",
                    "/bge-small-en-v1.5-q-tokenizer.json", PoolingMode.CLS, ""));

    /** e5-small-v2 (quantised, mean pooling) with {@code prefix} before every text. */
    private static SentenceEmbedder.Encoder e5(String name, String prefix) {
        return new SentenceEmbedder.Encoder(name, "/e5-small-v2-q.onnx", "/e5-small-v2-q-tokenizer.json",
                PoolingMode.MEAN, prefix);
    }

    static SentenceEmbedder.Encoder encoder() {
        String name = System.getProperty("encoder", "minilm");
        SentenceEmbedder.Encoder encoder = ENCODERS.get(name.isBlank() ? "minilm" : name);
        if (encoder == null) {
            throw new IllegalArgumentException("Unknown encoder " + name + "; known: " + ENCODERS.keySet());
        }
        return encoder;
    }

    static float[][] embeddings(List<Doc> docs, Path dir) throws IOException {
        return embeddings(docs, dir, encoder());
    }

    /** The documents' unit embeddings by {@code encoder}, cached under target/lab per corpus and encoder. */
    static float[][] embeddings(List<Doc> docs, Path dir, SentenceEmbedder.Encoder encoder) throws IOException {
        Path cache = Path.of("target/lab/emb-" + dir.getFileName() + "-"
                + Integer.toHexString(docs.stream().map(Doc::text).toList().hashCode()) + "-"
                + Integer.toHexString(encoder.toString().hashCode()) + ".bin");
        if (Files.exists(cache)) {
            try (var in = new DataInputStream(new BufferedInputStream(Files.newInputStream(cache)))) {
                int n = in.readInt();
                float[][] e = new float[n][SentenceEmbedder.DIMENSIONS];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < SentenceEmbedder.DIMENSIONS; j++) {
                        e[i][j] = in.readFloat();
                    }
                }
                return e;
            }
        }
        List<float[]> list;
        try (SentenceEmbedder embedder = new SentenceEmbedder(Runtime.getRuntime().availableProcessors(), encoder)) {
            list = embedder.embedAll(docs.stream().map(Doc::text).toList());
        }
        Files.createDirectories(cache.getParent());
        try (var out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(cache)))) {
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
