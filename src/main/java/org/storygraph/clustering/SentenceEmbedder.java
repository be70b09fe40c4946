package org.storygraph.clustering;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

/**
 * all-MiniLM-L6-v2 (quantised, 6 layers, 384 dimensions, L2-normalised, mean pooling), in-process through ONNX
 * Runtime. The model and tokenizer ship inside the langchain4j Maven artifact, so nothing is downloaded. (e5-small-v2
 * clusters the dev sets better but embeds at half the speed; {@code docs/clustering.md}, "The sentence encoder".)
 * Each ONNX session runs single-threaded and texts are spread over {@code threads} workers: on 2 cores this is
 * about twice as fast as ONNX Runtime's own intra-op threading (measured in ../shared/STACK.md). The model loads on
 * the first text to embed (or the first {@link #checksum()}), not when the bean is made: a command or a start with
 * nothing to embed (a load of unchanged files, {@code query list}, the service on an existing graph) never pays for
 * it.
 */
public final class SentenceEmbedder implements AutoCloseable {

    public static final int DIMENSIONS = 384;

    /** The model's name, as clustering runs record it. */
    public static final String MODEL_NAME = "all-MiniLM-L6-v2 (quantised ONNX, langchain4j)";

    /**
     * An ONNX sentence encoder on the classpath: its model and tokenizer resources, pooling and a prefix put before
     * every text. The product uses {@link #MINILM}; the clustering lab compares others.
     */
    record Encoder(String name, String model, String tokenizer, PoolingMode pooling, String prefix) {
    }

    static final Encoder MINILM = new Encoder(MODEL_NAME, "/all-minilm-l6-v2-q.onnx",
            "/all-minilm-l6-v2-q-tokenizer.json", PoolingMode.MEAN, "");

    private final Encoder encoder;

    private final ExecutorService executor;
    private volatile Model model;
    private volatile String checksum;

    public SentenceEmbedder(int threads) {
        this(threads, MINILM);
    }

    SentenceEmbedder(int threads, Encoder encoder) {
        this.encoder = encoder;
        this.executor = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "embedder");
            t.setDaemon(true);
            return t;
        });
    }

    /** SHA-256 (hex) of the model file and then the tokenizer file, as loaded (loads the model). */
    public String checksum() {
        model();
        return checksum;
    }

    /** Whether the model has been loaded (by a first text to embed or {@link #checksum()}). */
    public boolean loaded() {
        return model != null;
    }

    private Model model() {
        Model m = model;
        if (m == null) {
            synchronized (this) {
                m = model;
                if (m == null) {
                    Loaded loaded = load(encoder);
                    checksum = loaded.checksum();
                    m = new Model(executor, loaded.encoder());
                    model = m;
                }
            }
        }
        return m;
    }

    private record Loaded(OnnxBertBiEncoder encoder, String checksum) {
    }

    private static Loaded load(Encoder encoder) {
        try (InputStream modelStream = SentenceEmbedder.class.getResourceAsStream(encoder.model());
             InputStream tokenizer = SentenceEmbedder.class.getResourceAsStream(encoder.tokenizer())) {
            if (modelStream == null || tokenizer == null) {
                throw new IllegalStateException(
                        "The sentence encoder " + encoder.name() + " is not on the classpath (langchain4j artifact)");
            }
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            byte[] modelBytes = modelStream.readAllBytes();
            byte[] tokenizerBytes = tokenizer.readAllBytes();
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(modelBytes);
            digest.update(tokenizerBytes);
            OrtSession session = environment.createSession(modelBytes, options);
            return new Loaded(new OnnxBertBiEncoder(environment, session, new ByteArrayInputStream(tokenizerBytes),
                    encoder.pooling()), HexFormat.of().formatHex(digest.digest()));
        } catch (IOException | OrtException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot load the sentence embedding model: " + e.getMessage(), e);
        }
    }

    /** One text; the vector has unit length. */
    public float[] embed(String text) {
        return model().embed(encoder.prefix() + text).content().vector();
    }

    /** Many texts, in parallel; results in input order. */
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = texts.stream()
                .map(t -> TextSegment.from(encoder.prefix() + (t.isBlank() ? "-" : t))).toList();
        List<Embedding> embeddings = model().embedAll(segments).content();
        List<float[]> vectors = new ArrayList<>(embeddings.size());
        embeddings.forEach(e -> vectors.add(e.vector()));
        return vectors;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private static final class Model extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        Model(ExecutorService executor, OnnxBertBiEncoder encoder) {
            super(executor);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSIONS;
        }
    }
}
