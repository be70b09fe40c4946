package org.storygraph.bench;

import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.storygraph.cli.CliContext;
import org.storygraph.clustering.ClusterScores;
import org.storygraph.clustering.SentenceEmbedder;
import org.storygraph.clustering.StoryClusterer;
import org.storygraph.common.UrlCanonicalizer;
import org.storygraph.ingest.IngestService;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code storygraph benchmark-cluster [--articles N] [--incremental M] [--seed S]}: on a fresh temporary database,
 * loads N generated articles (not timed here), clusters them all from scratch (timed, with peak heap), then loads M
 * more and clusters them incrementally into the existing stories (timed: the figure that must stay under 3 s for
 * M = 1,000), and measures the embedding model alone: its own single-call speed and the batched, parallel speed
 * clustering uses. Quality against the generator's gold stories is printed too.
 */
@Command(name = "benchmark-cluster", description = {"On a fresh temporary database (or the empty one of "
        + "--storygraph.neo4j.embedded.data-dir=DIR): load N generated articles, cluster them all from scratch, then "
        + "load M more and cluster them incrementally; the embedding model's speed alone; quality against the "
        + "generator's stories."})
final class ClusterBenchmarkCommand implements Callable<Integer> {

    @Option(names = "--articles", paramLabel = "N", defaultValue = "100000", converter = Count.class,
            description = "articles clustered from scratch (default ${DEFAULT-VALUE})")
    int articles;

    @Option(names = "--incremental", paramLabel = "M", defaultValue = "1000", converter = Count.class,
            description = "articles then clustered incrementally (default ${DEFAULT-VALUE})")
    int incremental;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "7", description = "default ${DEFAULT-VALUE}")
    long seed;

    /** Which part runs: everything, or the base and the incremental batch apart (to repeat the latter on copies). */
    enum Phase { all, base, incremental }

    @Option(names = "--phase", paramLabel = "PHASE", defaultValue = "all", description = {"all (default); base: "
            + "load the N articles and cluster them, then stop (keep the data directory); incremental: on a copy "
            + "of such a base made with the same --articles, --incremental and --seed, only load the M articles "
            + "and cluster them (with the model alone on their texts) — repeatable side by side on copies of one "
            + "base: cp -r BASE COPY"})
    Phase phase;

    private final CliContext cli;

    ClusterBenchmarkCommand(CliContext cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        PrintStream out = cli.out();
        PrintStream err = cli.err();
        cli.freshDatabase();
        IngestService ingest = cli.bean(IngestService.class);
        StoryClusterer clusterer = cli.bean(StoryClusterer.class);
        SentenceEmbedder embedder = cli.bean(SentenceEmbedder.class);
        Neo4jClient client = cli.bean(Neo4jClient.class);
        long present = client.query("MATCH (a:Article) RETURN count(a)").fetchAs(Long.class).one().orElse(0L);
        if (phase != Phase.incremental && present > 0) {
            err.println("benchmark-cluster: the database is not empty; give it an empty data directory (by default "
                    + "it makes a temporary one)");
            return 2;
        }
        if (phase == Phase.incremental && present != articles) {
            err.printf("benchmark-cluster: --phase incremental needs a copy of a base of %,d articles (--phase base "
                    + "with the same options and --storygraph.neo4j.embedded.data-dir=DIR); this one has %,d%n",
                    articles, present);
            return 2;
        }
        CorpusGenerator corpus = new CorpusGenerator(articles + incremental, seed);
        Iterator<CorpusGenerator.Article> it = corpus.articles();
        // the incremental batch: every k-th article of the corpus (new articles join old and new stories alike);
        // related entries of the base articles that point at them are dropped, so the graph has never seen them
        int every = Math.max(1, (articles + incremental) / Math.max(1, incremental));
        int laterCount = incremental;
        IntPredicate isLater = i -> i % every == every - 1 && i / every < laterCount;
        List<IngestService.Upload> base = new ArrayList<>();
        List<IngestService.Upload> later = new ArrayList<>();
        Set<String> laterUrls = new TreeSet<>();
        List<String> newUrls = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        Map<String, String> gold = new HashMap<>();
        long loadMillis = 0;
        while (it.hasNext()) {
            CorpusGenerator.Article a = it.next();
            boolean inLater = isLater.test(a.index());
            if (!inLater) {
                a = new CorpusGenerator.Article(a.index(), a.story(), a.url(), a.title(), a.excerpt(),
                        a.publishedAt(), a.providerName(), a.providerDomain(), a.topics(),
                        a.related().stream().filter(r -> !isLater.test(r.index())).toList());
            }
            var upload = new IngestService.Upload("g" + a.index() + ".txt",
                    CorpusGenerator.toFile(a).getBytes(StandardCharsets.UTF_8));
            gold.put(UrlCanonicalizer.canonicalize(a.url()), a.story());
            if (texts.size() < 2000) {
                texts.add(a.title() + ". " + a.excerpt());
            }
            if (inLater) {
                later.add(upload);
                laterUrls.add(UrlCanonicalizer.canonicalize(a.url()));
                newUrls.add(UrlCanonicalizer.canonicalize(a.url()));
                a.related().forEach(r -> laterUrls.add(UrlCanonicalizer.canonicalize(r.url())));
            } else {
                base.add(upload);
            }
            if (phase == Phase.incremental) {
                base.clear(); // in the graph already
            } else if (base.size() == 10_000) {
                long t0 = System.nanoTime();
                ingest.loadUploads(base);
                loadMillis += (System.nanoTime() - t0) / 1_000_000;
                base = new ArrayList<>();
            }
        }
        long t0 = System.nanoTime();
        if (!base.isEmpty()) {
            ingest.loadUploads(base);
            loadMillis += (System.nanoTime() - t0) / 1_000_000;
            err.printf("loaded %,d articles in %.1f s%n", articles, loadMillis / 1000.0);
        }

        // the model alone
        int single = Math.min(300, texts.size());
        t0 = System.nanoTime();
        for (String text : texts.subList(0, single)) {
            embedder.embed(text);
        }
        double singleRate = single / ((System.nanoTime() - t0) / 1e9);
        t0 = System.nanoTime();
        embedder.embedAll(texts);
        double batchRate = texts.size() / ((System.nanoTime() - t0) / 1e9);

        HeapSampler heap = new HeapSampler();
        t0 = System.nanoTime();
        StoryClusterer.Result full = phase == Phase.incremental
                ? new StoryClusterer.Result(0, 0, 0, 0, 0, 0, null)
                : clusterer.recluster(err::println);
        double fullSeconds = (System.nanoTime() - t0) / 1e9;
        HeapUse fullHeap = heap.stop();
        long stories = client.query("MATCH (s:Story) RETURN count(s)").fetchAs(Long.class).one().orElse(0L);
        if (phase == Phase.base) {
            out.printf("JVM:                     max heap %d MiB, %d cores%n",
                    Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
            out.printf("graph:                   %,d articles, %,d stories (the base; --phase incremental on a copy "
                    + "adds %,d)%n", articles, stories, incremental);
            out.printf("embedding model alone:   %.0f texts/s single calls, %.0f texts/s batched on %d threads%n",
                    singleRate, batchRate, Runtime.getRuntime().availableProcessors());
            out.printf("full clustering:         %.1f s (%,d articles, %.0f articles/s), peak heap %d MiB, GC %.1f %% "
                    + "of the time%n", fullSeconds, full.articles(), full.articles() / fullSeconds,
                    fullHeap.peakBytes() >> 20, fullHeap.gcPercent());
            return 0;
        }

        // what auto-clustering does after a load: cluster the articles the load created or changed (as the load
        // reports them: an existing article a related entry names counts only if the load changed its properties)
        Set<String> relatedUrls = new TreeSet<>(laterUrls);
        newUrls.forEach(relatedUrls::remove);
        Map<String, Object> relatedBefore = relatedProperties(client, relatedUrls);
        t0 = System.nanoTime();
        ingest.loadUploads(later);
        double incLoadSeconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> relatedAfter = relatedProperties(client, relatedUrls);
        Set<String> toCluster = new TreeSet<>(newUrls);
        relatedAfter.forEach((url, properties) -> {
            if (!properties.equals(relatedBefore.get(url))) {
                toCluster.add(url);
            }
        });
        int changedRelated = toCluster.size() - newUrls.size();
        // the model alone on exactly the texts the incremental batch embeds ("title. excerpt", as clustering reads
        // them), batched: the measure of the incremental target (issue 19: incremental ≤ 2× this)
        List<String> incTexts = List.copyOf(client.query("""
                UNWIND $urls AS url
                MATCH (a:Article {url: url})
                RETURN CASE WHEN trim(coalesce(a.excerpt, '')) = '' THEN coalesce(a.title, '')
                            ELSE coalesce(a.title, '') + '. ' + a.excerpt END AS text
                """).bind(newUrls).to("urls").fetchAs(String.class).all());
        t0 = System.nanoTime();
        embedder.embedAll(incTexts);
        double incEmbedSeconds = (System.nanoTime() - t0) / 1e9;
        heap = new HeapSampler();
        t0 = System.nanoTime();
        StoryClusterer.Result inc = clusterer.cluster(toCluster);
        double incSeconds = (System.nanoTime() - t0) / 1e9;
        HeapUse incHeap = heap.stop();

        List<String> goldLabels = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        client.query("MATCH (a:Article) OPTIONAL MATCH (a)-[:IN_STORY]->(s) RETURN a.url AS url, "
                + "coalesce(s.id, a.id) AS story").fetch().all().forEach(r -> {
            String g = gold.get((String) r.get("url"));
            if (g != null) {
                goldLabels.add(g);
                predicted.add((String) r.get("story"));
            }
        });
        ClusterScores scores = ClusterScores.of(goldLabels, predicted);

        out.printf("JVM:                     max heap %d MiB, %d cores%n", Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
        out.printf("graph:                   %,d articles (+ %,d incremental), %,d stories%n", articles,
                inc.articles(), stories);
        out.printf("embedding model alone:   %.0f texts/s single calls, %.0f texts/s batched on %d threads%n",
                singleRate, batchRate, Runtime.getRuntime().availableProcessors());
        if (phase == Phase.all) {
            out.printf("full clustering:         %.1f s (%,d articles, %.0f articles/s), peak heap %d MiB, GC %.1f %% "
                    + "of the time%n", fullSeconds, full.articles(), full.articles() / fullSeconds,
                    fullHeap.peakBytes() >> 20, fullHeap.gcPercent());
        }
        out.printf("incremental batch:       %.2f s clustering %,d new articles (embeddings included), peak heap %d MiB,"
                + " GC %.1f %% of the time; loading their %,d files took %.2f s (it changed %,d existing articles)%n",
                incSeconds, inc.articles(), incHeap.peakBytes() >> 20, incHeap.gcPercent(), later.size(),
                incLoadSeconds, changedRelated);
        out.printf("incremental / embedding: %.2f (incremental %.2f s, embedding the same %,d texts batched: %.2f s)%n",
                incSeconds / incEmbedSeconds, incSeconds, incTexts.size(), incEmbedSeconds);
        out.printf("quality vs generator:    %s%n", scores);
        return 0;
    }

    /** The stored properties of the given articles, by url (absent ones left out). */
    private static Map<String, Object> relatedProperties(Neo4jClient client, Collection<String> urls) {
        Map<String, Object> properties = new HashMap<>();
        client.query("""
                UNWIND $urls AS url
                MATCH (a:Article {url: url})
                RETURN a.url AS url, properties(a) AS properties
                """).bind(List.copyOf(urls)).to("urls").fetch().all()
                .forEach(r -> properties.put((String) r.get("url"), r.get("properties")));
        return properties;
    }

    /** The most heap used at any sample, and the collectors' share of the wall time. */
    private record HeapUse(long peakBytes, double gcPercent) {
    }

    /**
     * Samples the used heap every 20 ms from a fresh GC until stopped (the collector lets it grow towards the limit
     * before collecting, so the peak says how much of the limit was used, not how much the work needs), and adds up
     * the collectors' time (pauses and concurrent cycles): a small share of the wall time means the heap is not what
     * limits the work.
     */
    private static final class HeapSampler {
        private final AtomicLong max = new AtomicLong();
        private final Thread thread;
        private final long gcStart;
        private final long started;
        private volatile boolean running = true;

        HeapSampler() {
            System.gc();
            gcStart = gcMillis();
            started = System.nanoTime();
            thread = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
                var memory = ManagementFactory.getMemoryMXBean();
                while (running) {
                    max.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        private static long gcMillis() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
        }

        HeapUse stop() {
            running = false;
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            long wall = Math.max(1, (System.nanoTime() - started) / 1_000_000);
            return new HeapUse(max.get(), 100.0 * (gcMillis() - gcStart) / wall);
        }
    }
}
