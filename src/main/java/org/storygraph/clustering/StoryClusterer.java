package org.storygraph.clustering;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.TransactionContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.storygraph.common.ArticleIds;
import org.storygraph.graph.Graph;
import org.storygraph.graph.GraphChanged;
import org.storygraph.ingest.ArticlesLoaded;

/**
 * Groups articles into stories, incrementally: each batch of new articles is compared with its nearest neighbours
 * (vector index) and the stories they belong to, and average-link clustering ({@link Agglomerator}) decides which
 * articles join an existing story, which form new stories, and which stories merge, with the fitted
 * {@link StoryModel}. RELATED_TO links add candidates; near-duplicates are recorded ({@code DUPLICATE_OF}).
 * Everything runs under one lock, so loads that overlap cluster one after the other.
 * <p>
 * Why this class is about 500 lines: it is the orchestration of a clustering batch — read candidates
 * ({@link CandidateReader}), seed the agglomeration with the touched stories' stored state, run it, and assemble
 * the one write ({@link StoryWriter}) — plus the collection statistics (lexicon, mean embedding) that must change
 * under the same lock, and the record of each run ({@link ClusteringRuns}: what it changed, the ids a recluster
 * keeps), which must be taken under that lock too. Each step is delegated; splitting the sequence itself would hide
 * the order that makes incremental growth and a recluster agree.
 * <p>
 * Every run — an incremental {@link #cluster} (however many chunks) or a {@link #recluster} — is recorded as a
 * {@code (:ClusteringRun)} with its story changes, and announced as a {@link StoriesChanged} event.
 */
@Service
public class StoryClusterer {

    private static final Logger log = LoggerFactory.getLogger(StoryClusterer.class);
    private static final int STORED_TERMS = 100;

    private final Graph graph;
    private final StoryProperties properties;
    private final SentenceEmbedder embedder;
    private final FeatureStore featureStore;
    private final StoryWriter writer;
    private final CandidateReader candidates;
    private final ClusteringRuns runs;
    private final ApplicationEventPublisher events;
    private final ReentrantLock lock = new ReentrantLock();
    private final Timer batchTimer;
    private final Timer reclusterTimer;
    private final Map<String, Integer> topicIds = new HashMap<>();
    private Lexicon lexicon;
    private MeanEmbedding mean;

    /**
     * What one clustering run did; {@code runId} names its {@code (:ClusteringRun)} (null when there was nothing to
     * cluster, and no run was recorded).
     */
    public record Result(int articles, int storiesCreated, int storiesUpdated, int storiesMerged, int duplicates,
            long millis, String runId) {

        static final Result NOTHING = new Result(0, 0, 0, 0, 0, 0, null);

        Result plus(Result o) {
            return new Result(articles + o.articles, storiesCreated + o.storiesCreated,
                    storiesUpdated + o.storiesUpdated, storiesMerged + o.storiesMerged, duplicates + o.duplicates,
                    millis + o.millis, null);
        }

        Result withRun(String id) {
            return new Result(articles, storiesCreated, storiesUpdated, storiesMerged, duplicates, millis, id);
        }
    }

    StoryClusterer(Graph graph, StoryProperties properties, SentenceEmbedder embedder,
            ApplicationEventPublisher events, ObjectProvider<MeterRegistry> registry) {
        MeterRegistry meters = registry.getIfAvailable(SimpleMeterRegistry::new);
        this.batchTimer = clusteringTimer(meters, "batch");
        this.reclusterTimer = clusteringTimer(meters, "recluster");
        this.graph = graph;
        this.events = events;
        this.properties = properties;
        this.embedder = embedder;
        this.featureStore = new FeatureStore(graph, embedder, new TermExtractor(properties.nameBoost(), true));
        this.writer = new StoryWriter(graph);
        this.candidates = new CandidateReader(graph);
        this.runs = new ClusteringRuns(graph, writer, properties, SentenceEmbedder.MODEL_NAME, embedder::checksum,
                ClusteringRuns.codeVersion());
    }

    @EventListener
    void onArticlesLoaded(ArticlesLoaded event) {
        if (properties.autoCluster()) {
            cluster(event.urls());
        }
    }

    /**
     * {@code storygraph_clustering_duration_seconds{mode=batch|recluster}}: incremental clustering of new articles
     * (after a load batch, pending articles) and full reclusters.
     */
    private static Timer clusteringTimer(MeterRegistry registry, String mode) {
        return Timer.builder("storygraph.clustering.duration")
                .description("Duration of clustering: incremental batches of new articles, or a full recluster")
                .tag("mode", mode)
                .register(registry);
    }

    /** Assigns the given articles that have no story yet to stories. */
    public Result cluster(Collection<String> urls) {
        return batchTimer.record(() -> {
            lock.lock();
            try {
                Instant started = Instant.now();
                ClusteringRuns.Track track = new ClusteringRuns.Track();
                Result result = clusterUntimed(urls, track);
                if (result.articles() == 0) {
                    return result;
                }
                return result.withRun(recordIncremental(started, result.articles(), track));
            } finally {
                lock.unlock();
            }
        });
    }

    /** Records an incremental run and announces its changes. */
    private String recordIncremental(Instant started, int articles, ClusteringRuns.Track track) {
        return publish(runs.recordIncremental(started, articles, track));
    }

    private String publish(ClusteringRuns.Recorded run) {
        events.publishEvent(new StoriesChanged(run.id(), run.finishedAt(), run.changes()));
        return run.id();
    }

    private Result clusterUntimed(Collection<String> urls, ClusteringRuns.Track track) {
        int chunk = Math.max(100, properties.reclusterChunk());
        if (urls.size() > chunk) {
            // a very large load is clustered in time-ordered chunks, as a full recluster is: bounded memory
            List<String> ordered = graph.read(tx -> tx.run("""
                    UNWIND $urls AS url
                    MATCH (a:Article {url: url})
                    RETURN a.url AS url ORDER BY a.publishedAt IS NULL, a.publishedAt, a.url
                    """, Map.of("urls", List.copyOf(urls))).list(r -> r.get("url").asString()));
            Result total = Result.NOTHING;
            for (int from = 0; from < ordered.size(); from += chunk) {
                total = total.plus(clusterUntimed(ordered.subList(from, Math.min(ordered.size(), from + chunk)),
                        track));
            }
            return total;
        }
        lock.lock();
        try {
            long started = System.nanoTime();
            ensureLexicon();
            List<String> sorted = new ArrayList<>(new TreeSet<>(urls));
            long featuresStarted = System.nanoTime();
            featureStore.takeEmbeddingMillis();
            List<Features> features = new ArrayList<>();
            for (int from = 0; from < sorted.size(); from += 2000) {
                features.addAll(loadFeatures(sorted.subList(from, Math.min(sorted.size(), from + 2000))));
            }
            List<Features> todo = features.stream().filter(f -> f.story() == null)
                    .sorted(Comparator.comparingLong(Features::epochSecond).thenComparing(Features::url))
                    .toList();
            // articles already in a story that this load changed (an earlier time, a corrected title): their
            // stories' times, head, label and coverage are derived again
            Set<String> changedStories = new TreeSet<>();
            features.stream().filter(f -> f.story() != null).forEach(f -> changedStories.add(f.story()));
            if (todo.isEmpty()) {
                writer.refresh(changedStories, this::label);
                if (!changedStories.isEmpty()) {
                    events.publishEvent(new GraphChanged("stories"));
                }
                return Result.NOTHING;
            }
            long featureMillis = (System.nanoTime() - featuresStarted) / 1_000_000;
            long embeddingMillis = featureStore.takeEmbeddingMillis();
            Result result = clusterBatch(todo, changedStories, track);
            events.publishEvent(new GraphChanged("stories"));
            result = new Result(result.articles(), result.storiesCreated(), result.storiesUpdated(),
                    result.storiesMerged(), result.duplicates(), (System.nanoTime() - started) / 1_000_000, null);
            log.info("Clustered {} articles in {} ms (features {} ms of which embedding {} ms, candidates {} ms: "
                    + "vector index {} ms, related {} ms, stories {} ms; clustering {} ms, writing {} ms): "
                    + "{} stories created, {} updated, {} merged, {} duplicates", result.articles(), result.millis(),
                    featureMillis, embeddingMillis, phase[0], candidateParts[0],
                    candidateParts[1], candidateParts[2], phase[1], phase[2], result.storiesCreated(),
                    result.storiesUpdated(), result.storiesMerged(), result.duplicates());
            return result;
        } finally {
            lock.unlock();
        }
    }

    /** Clusters every article that has no story yet (after loads made with auto-clustering off). */
    public Result clusterPending() {
        List<String> urls = graph.read(tx -> tx.run(
                "MATCH (a:Article) WHERE NOT (a)-[:IN_STORY]->() RETURN a.url AS url")
                .list(r -> r.get("url").asString()));
        return cluster(urls);
    }

    /**
     * Rebuilds every story: removes stories and duplicate links, then clusters all articles in time order, in
     * chunks of {@code reclusterChunk}. Deterministic for a given graph.
     */
    public Result recluster(Consumer<String> progress) {
        return recluster(progress, (done, total) -> { });
    }

    /** Counts of a running recluster, and whether it should stop. */
    public interface ReclusterProgress {

        /** {@code done} of {@code total} articles are clustered (reported after each chunk, and 0 at the start). */
        void update(int done, int total);

        /**
         * Asked before each chunk (after the first): true stops the recluster there. The chunks before stay
         * committed; the articles after have no story until {@code clusterPending} or another recluster.
         */
        default boolean cancelled() {
            return false;
        }
    }

    /** As {@link #recluster(Consumer)}, with counts in {@code counts}, which may stop it between chunks. */
    public Result recluster(Consumer<String> progress, ReclusterProgress counts) {
        return reclusterTimer.record(() -> reclusterUntimed(progress, counts));
    }

    private Result reclusterUntimed(Consumer<String> progress, ReclusterProgress counts) {
        lock.lock();
        try {
            long started = System.nanoTime();
            Instant startedAt = Instant.now();
            Map<String, StoryWriter.Snapshot> before = writer.snapshot();
            writer.deleteAllStories();
            events.publishEvent(new GraphChanged("stories"));
            lexicon = null;
            ensureLexicon();
            List<String> urls = graph.read(tx -> tx.run("""
                    MATCH (a:Article)
                    RETURN a.url AS url ORDER BY a.publishedAt IS NULL, a.publishedAt, a.url
                    """).list(r -> r.get("url").asString()));
            Result total = Result.NOTHING;
            int chunk = Math.max(100, properties.reclusterChunk());
            counts.update(0, urls.size());
            for (int from = 0; from < urls.size(); from += chunk) {
                if (from > 0 && counts.cancelled()) {
                    progress.accept(String.format("recluster: cancelled after %,d of %,d articles", from,
                            urls.size()));
                    break;
                }
                List<String> part = urls.subList(from, Math.min(urls.size(), from + chunk));
                total = total.plus(clusterUntimed(part, new ClusteringRuns.Track()));
                progress.accept(String.format("recluster: %,d/%,d articles", Math.min(urls.size(), from + chunk),
                        urls.size()));
                counts.update(Math.min(urls.size(), from + chunk), urls.size());
            }
            String runId = recordRecluster(startedAt, urls.size(), before);
            return new Result(total.articles(), total.storiesCreated(), total.storiesUpdated(),
                    total.storiesMerged(), total.duplicates(), (System.nanoTime() - started) / 1_000_000, runId);
        } finally {
            lock.unlock();
        }
    }

    /** Gives the rebuilt stories the ids of the stories they continue, records the run, announces its changes. */
    private String recordRecluster(Instant started, int articles, Map<String, StoryWriter.Snapshot> before) {
        ClusteringRuns.Recorded run = runs.recordRecluster(started, articles, before);
        events.publishEvent(new GraphChanged("stories"));
        return publish(run);
    }

    private List<Features> loadFeatures(List<String> urls) {
        Set<String> hadFeatures = candidates.urlsWithFeatures(urls);
        List<Features> features = featureStore.load(urls);
        for (Features f : features) {
            f.surfaces().forEach(lexicon::surface);
            if (!hadFeatures.contains(f.url())) {
                lexicon.addDocument(f.terms().keySet());
                mean.add(f.embedding());
            }
        }
        return features;
    }

    /**
     * Reads the collection's statistics (document frequencies, mean embedding) from the graph when they are not held
     * yet, or when they no longer describe it: the number of articles with features differs from what they counted
     * (articles were deleted, a backup restored, another instance clustered).
     */
    private void ensureLexicon() {
        if (lexicon != null) {
            long withFeatures = graph.read(StoryClusterer::countWithFeatures);
            if (withFeatures == lexicon.documents()) {
                return;
            }
            log.info("Collection statistics out of date ({} articles with features, {} counted): reading them again",
                    withFeatures, lexicon.documents());
        }
        Lexicon fresh = new Lexicon();
        MeanEmbedding freshMean = new MeanEmbedding();
        try (var session = graph.session(AccessMode.READ)) {
            session.executeRead(tx -> {
                long documents = countWithFeatures(tx);
                Map<String, Integer> df = new HashMap<>();
                tx.run("""
                        MATCH (a:Article) WHERE a.termKeys IS NOT NULL
                        UNWIND a.termKeys AS term
                        RETURN term, count(*) AS df
                        """).forEachRemaining(r -> df.put(r.get("term").asString(), r.get("df").asInt()));
                fresh.addFrequencies(df, documents);
                return null;
            });
            session.executeRead(tx -> {
                tx.run("MATCH (a:Article) WHERE a.termKeys IS NOT NULL AND a.embedding IS NOT NULL "
                        + "RETURN a.embedding AS e").forEachRemaining(r -> freshMean.add(FeatureStore.floats(r.get("e"))));
                return null;
            });
        }
        lexicon = fresh;
        mean = freshMean;
    }

    private static long countWithFeatures(TransactionContext tx) {
        return tx.run("MATCH (a:Article) WHERE a.termKeys IS NOT NULL RETURN count(a) AS n").single().get("n")
                .asLong();
    }

    /** Milliseconds of the last batch's phases: candidates, clustering, writing (for the log). */
    private final long[] phase = new long[3];
    /** Milliseconds of the candidate phase's parts: vector index, related links, story states. */
    private final long[] candidateParts = new long[3];

    private Result clusterBatch(List<Features> batch, Set<String> changedStories, ClusteringRuns.Track track) {
        long t0 = System.nanoTime();
        Agglomerator agg = new Agglomerator(properties.model());
        Map<String, SparseVector> vectors = new HashMap<>();
        for (Features f : batch) {
            vectors.put(f.url(), lexicon.vector(f.terms()));
        }
        double duplicateScore = (1 + properties.duplicateCosine()) / 2;
        List<CandidateReader.Neighbour> neighbours = candidates.neighbours(batch, properties.neighbours(), windowDays(),
                duplicateScore);
        long tNeighbours = System.nanoTime();
        List<CandidateReader.Related> related = candidates.related(batch);
        long tRelated = System.nanoTime();

        Set<String> storyIds = new TreeSet<>();
        neighbours.forEach(n -> {
            if (n.story() != null) {
                storyIds.add(n.story());
            }
        });
        related.forEach(r -> {
            if (r.other().story() != null) {
                storyIds.add(r.other().story());
            }
        });
        Map<String, StoryWriter.StoryState> states = candidates.storyStates(storyIds);
        long t1 = System.nanoTime();
        candidateParts[0] = (tNeighbours - t0) / 1_000_000;
        candidateParts[1] = (tRelated - tNeighbours) / 1_000_000;
        candidateParts[2] = (t1 - tRelated) / 1_000_000;

        Map<String, Agglomerator.Cluster> storyClusters = new LinkedHashMap<>();
        Map<Agglomerator.Cluster, String> storyOf = new HashMap<>();
        for (StoryWriter.StoryState state : states.values()) {
            Agglomerator.Cluster c = agg.addStory(state.embeddingSum(), termSum(state), topicSum(state.topics()),
                    state.buckets());
            storyClusters.put(state.id(), c);
            storyOf.put(c, state.id());
        }
        Map<String, Agglomerator.Cluster> articleClusters = new LinkedHashMap<>();
        Map<Agglomerator.Cluster, Features> articleOf = new HashMap<>();
        for (Features f : batch) {
            Map<Integer, Double> topics = new HashMap<>();
            for (String t : f.topics()) {
                topics.put(topicIds.computeIfAbsent(t, k -> topicIds.size()), 1.0 / Math.sqrt(f.topics().size()));
            }
            Agglomerator.Cluster c = agg.addArticle(mean.center(f.embedding()), vectors.get(f.url()), topics,
                    f.epochSecond());
            articleClusters.put(f.url(), c);
            articleOf.put(c, f);
        }

        // candidate links from the vector index; near-duplicates are joined outright
        List<StoryWriter.Duplicate> duplicates = new ArrayList<>();
        for (CandidateReader.Neighbour n : neighbours) {
            Agglomerator.Cluster from = articleClusters.get(n.url());
            Agglomerator.Cluster to = n.story() != null ? storyClusters.get(n.story())
                    : articleClusters.get(n.neighbour());
            if (from == null || to == null) {
                continue;
            }
            agg.link(from, to);
            if (n.score() >= duplicateScore && n.terms() != null
                    && vectors.get(n.url()).dot(lexicon.vector(n.terms())) >= properties.duplicateLexical()) {
                // recorded, not forced together: a syndicated headline reused on another day can belong to
                // another story (the model decides, as for any pair)
                duplicates.add(new StoryWriter.Duplicate(n.url(), n.neighbour(), 2 * n.score() - 1));
            }
        }
        // a related link makes two articles candidates, as a near neighbour does; the model decides. A publisher's
        // "related" list is topical (a story about a city's ban lists another country's court case), so it is not
        // taken as evidence of one event on its own.
        for (CandidateReader.Related r : related) {
            Agglomerator.Cluster from = articleClusters.get(r.url());
            Features other = r.other();
            Agglomerator.Cluster to = other.story() != null ? storyClusters.get(other.story())
                    : articleClusters.get(other.url());
            if (from != null && to != null) {
                agg.link(from, to);
            }
        }
        agg.run();
        long t2 = System.nanoTime();

        // read the outcome: which story each root becomes; a new story's id is derived from its earliest article,
        // unless a story has that id already
        Set<String> taken = candidates.existingStories(batch.stream()
                .map(f -> ArticleIds.of("story:" + f.url())).toList());
        StoryWriter.Changes changes = new StoryWriter.Changes();
        changes.refreshed.addAll(changedStories);
        int created = 0;
        int updated = 0;
        int merged = 0;
        for (Agglomerator.Cluster root : agg.roots()) {
            List<Agglomerator.Cluster> members = root.members();
            List<String> stories = new ArrayList<>();
            List<Features> articles = new ArrayList<>();
            for (Agglomerator.Cluster m : members) {
                if (storyOf.containsKey(m)) {
                    stories.add(storyOf.get(m));
                } else {
                    articles.add(articleOf.get(m));
                }
            }
            if (articles.isEmpty() && stories.size() < 2) {
                continue;
            }
            String target;
            if (stories.isEmpty()) {
                Features earliest = articles.stream()
                        .min(Comparator.comparingLong(Features::epochSecond).thenComparing(Features::url))
                        .orElseThrow();
                target = ArticleIds.of("story:" + earliest.url());
                for (int n = 1; taken.contains(target); n++) {
                    // the id of a story that kept it through a recluster, or of another story of this batch
                    target = ArticleIds.of("story:" + earliest.url() + "#" + n);
                }
                taken.add(target);
                changes.created.add(target);
                track.created(target);
                created++;
            } else {
                stories.sort(Comparator.comparing((String id) -> states.get(id).firstEpochSecond())
                        .thenComparing(id -> id));
                target = stories.getFirst();
                for (String gone : stories.subList(1, stories.size())) {
                    changes.absorbed.put(gone, target);
                    merged++;
                }
                track.joined(target, stories, states);
                if (stories.size() == 1) {
                    changes.grown.put(target, StoryWriter.strongest(states.get(target).termKeys()));
                }
                updated++;
            }
            for (Features f : articles) {
                changes.members.put(f.url(), target);
            }
            changes.states.put(target, state(target, root));
        }
        for (StoryWriter.Duplicate d : duplicates) {
            changes.duplicates.add(d);
        }
        writer.write(changes, this::label);
        long t3 = System.nanoTime();
        phase[0] = (t1 - t0) / 1_000_000;
        phase[1] = (t2 - t1) / 1_000_000;
        phase[2] = (t3 - t2) / 1_000_000;
        return new Result(batch.size(), created, updated, merged, duplicates.size(), 0, null);
    }

    private int windowDays() {
        return Math.max(1, properties.model().windowDays());
    }

    private SparseSum termSum(StoryWriter.StoryState state) {
        Map<Integer, Double> values = new HashMap<>();
        for (int i = 0; i < state.termKeys().size(); i++) {
            String key = state.termKeys().get(i);
            lexicon.surface(key, state.termSurfaces().get(i));
            values.put(lexicon.id(key), state.termWeights().get(i));
        }
        return SparseSum.of(values);
    }

    private Map<Integer, Double> topicSum(Map<String, Double> topics) {
        Map<Integer, Double> sum = new HashMap<>();
        topics.forEach((name, weight) -> sum.put(topicIds.computeIfAbsent(name, k -> topicIds.size()), weight));
        return sum;
    }

    /** The stored state of a story: the root cluster's sums, its strongest terms, its time histogram. */
    private StoryWriter.StoryState state(String id, Agglomerator.Cluster root) {
        List<Map.Entry<Integer, Double>> terms = new ArrayList<>(root.terms.values().entrySet());
        terms.sort(Map.Entry.<Integer, Double>comparingByValue().reversed()
                .thenComparing(e -> lexicon.key(e.getKey())));
        List<String> keys = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        List<String> surfaces = new ArrayList<>();
        for (var e : terms.subList(0, Math.min(STORED_TERMS, terms.size()))) {
            keys.add(lexicon.key(e.getKey()));
            weights.add(e.getValue());
            surfaces.add(lexicon.surface(e.getKey()));
        }
        Map<String, Double> topics = new LinkedHashMap<>();
        topicIds.forEach((name, tid) -> {
            Double w = root.topics.get(tid);
            if (w != null) {
                topics.put(name, w);
            }
        });
        return new StoryWriter.StoryState(id, root.embeddingSum, keys, weights, surfaces, root.buckets, topics,
                Long.MAX_VALUE);
    }

    /** "headline — phrase, phrase": the representative headline and the story's most distinctive shared terms. */
    StoryLabels.Label label(String headline, List<StoryLabels.Candidate> candidates, int considered, int size) {
        return new StoryLabels(lexicon).label(headline, candidates, considered, size);
    }
}
