package org.storygraph.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.storygraph.cli.CliContext;
import org.storygraph.common.UrlCanonicalizer;
import org.storygraph.graph.Neo4jProperties;
import org.storygraph.ingest.IngestService;
import org.storygraph.ingest.LoadReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code storygraph benchmark-load --articles N [--seed S] [--naive M]}: the same generated corpus loaded, in one
 * run, into the same fresh embedded database (the CLI gives this command a temporary one, emptied between
 * contenders) by (1) a lower bound — bare {@code UNWIND … CREATE} of the same nodes and relationships, no MERGE,
 * no constraint checks (labels without constraints), from already-parsed rows; (2) a naive loader — Spring Data
 * Neo4j entities, one repository save (one transaction) per article, on the first M articles; (3) the project's
 * loader reading the same corpus from files on disk, 10,000 per folder, as `storygraph load` does (the files are
 * written beforehand, not timed; reading, parsing, hashing and provenance are timed; clustering off). Graph writes only:
 * embeddings and clustering are measured by {@code benchmark-cluster}.
 */
@Command(name = "benchmark-load", description = {"The same generated corpus loaded into a fresh temporary "
        + "database (emptied between contenders) by bare UNWIND ... CREATE (a lower bound), by naive Spring Data "
        + "Neo4j saves (one transaction per article) and by the project's loader from files."})
final class LoadBenchmarkCommand implements Callable<Integer> {

    @Option(names = "--articles", paramLabel = "N", defaultValue = "100000", converter = Count.class,
            description = "articles (default ${DEFAULT-VALUE})")
    int articles;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "7", description = "default ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--naive", paramLabel = "M", defaultValue = "2000", converter = Count.class,
            description = "articles the naive loader saves (default ${DEFAULT-VALUE})")
    int naiveArticles;

    private final CliContext cli;
    private IngestService ingest;
    private Driver driver;
    private String database;
    private NaiveArticleRepository naive;

    LoadBenchmarkCommand(CliContext cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        PrintStream out = cli.out();
        PrintStream err = cli.err();
        cli.freshDatabase();
        ingest = cli.bean(IngestService.class);
        driver = cli.bean(Driver.class);
        database = cli.bean(Neo4jProperties.class).database();
        naive = cli.bean(NaiveArticleRepository.class);
        if (nodeCount() > 0) {
            err.println("benchmark-load: the database is not empty; it empties it between contenders, so give it an "
                    + "empty one (by default it makes a temporary one)");
            return 2;
        }
        CorpusGenerator corpus = new CorpusGenerator(articles, seed);
        err.printf("corpus: %,d articles, %,d stories, %,d providers (seed %d)%n", articles, corpus.storyCount(),
                corpus.providerCount(), seed);

        clear();
        long t0 = System.nanoTime();
        lowerBound(corpus, err);
        double lowerSeconds = (System.nanoTime() - t0) / 1e9;
        err.printf("lower bound: %,d articles in %.1f s%n", articles, lowerSeconds);

        clear();
        int naiveCount = Math.min(naiveArticles, articles);
        t0 = System.nanoTime();
        naive(corpus, naiveCount);
        double naiveSeconds = (System.nanoTime() - t0) / 1e9;
        err.printf("naive: %,d articles in %.1f s%n", naiveCount, naiveSeconds);

        Path files;
        try {
            files = writeFiles(corpus, err);
        } catch (IOException e) {
            err.println("benchmark-load: cannot write the corpus files: " + e.getMessage());
            return 1;
        }
        clear();
        LoadReport report;
        double projectSeconds;
        t0 = System.nanoTime();
        try {
            report = project(files, articles, err);
            projectSeconds = (System.nanoTime() - t0) / 1e9; // deleting the files afterwards is not the loader's
        } catch (IOException e) {
            err.println("benchmark-load: " + e.getMessage());
            return 1;
        } finally {
            CliContext.deleteQuietly(files);
        }
        long created = count("MATCH (a:Article) RETURN count(a)");
        long related = count("MATCH ()-[r:RELATED_TO]->() RETURN count(r)");

        double lowerRate = articles / lowerSeconds;
        double naiveRate = naiveCount / naiveSeconds;
        double projectRate = articles / projectSeconds;
        out.printf("articles (items):     %,d (%,d Article nodes with related-only ones, %,d RELATED_TO, %,d providers)%n",
                articles, created, related, corpus.providerCount());
        out.printf("%-22s %12s %10s %14s%n", "loader", "articles", "seconds", "articles/s");
        out.printf("%-22s %,12d %10.1f %,14.0f%n", "lower bound (CREATE)", articles, lowerSeconds, lowerRate);
        out.printf("%-22s %,12d %10.1f %,14.0f%n", "naive (SDN save)", naiveCount, naiveSeconds, naiveRate);
        out.printf("%-22s %,12d %10.1f %,14.0f%n", "project loader", articles, projectSeconds, projectRate);
        out.printf("project / naive:       %.1fx (target >= 20x)%n", projectRate / naiveRate);
        out.printf("project / lower bound: %.2fx (target >= 0.5x)%n", projectRate / lowerRate);
        return report.hasFailures() ? 1 : 0;
    }

    /**
     * Empties the database between contenders: relationships first, then nodes, in bounded transactions (a provider
     * or topic node of a 1M-article graph has hundreds of thousands of relationships: detaching it in one go exceeds
     * the transaction memory limit).
     */
    private void clear() {
        try (var session = driver.session(SessionConfig.forDatabase(database))) {
            session.run("""
                    MATCH ()-[r]->()
                    CALL (r) { DELETE r } IN TRANSACTIONS OF 20000 ROWS
                    """).consume();
            session.run("""
                    MATCH (n) WHERE NOT n:__StoryGraphMigration
                    CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 20000 ROWS
                    """).consume();
        }
    }

    private long count(String cypher) {
        try (var session = driver.session(SessionConfig.forDatabase(database))) {
            return session.run(cypher).single().get(0).asLong();
        }
    }

    /** The corpus as files, 10,000 per folder (as a researcher would keep months of news); not timed. */
    private static Path writeFiles(CorpusGenerator corpus, PrintStream err) throws IOException {
        Path dir = Files.createTempDirectory("storygraph-load-benchmark");
        Iterator<CorpusGenerator.Article> it = corpus.articles();
        while (it.hasNext()) {
            CorpusGenerator.Article a = it.next();
            Path folder = dir.resolve(String.format("%04d", a.index() / 10_000));
            if (a.index() % 10_000 == 0) {
                Files.createDirectories(folder);
            }
            Files.writeString(folder.resolve(String.format("g%07d.txt", a.index())), CorpusGenerator.toFile(a));
        }
        err.printf("corpus written to %s%n", dir);
        return dir;
    }

    /** The loader as `storygraph load` runs it: reading, parsing, hashing, provenance, one folder at a time. */
    private LoadReport project(Path dir, int total, PrintStream err) throws IOException {
        List<Path> folders;
        try (var list = Files.list(dir)) {
            folders = list.sorted().toList();
        }
        LoadReport last = null;
        int failed = 0;
        int done = 0;
        for (Path folder : folders) {
            last = ingest.load(List.of(folder), (filesDone, filesTotal, written) -> { });
            failed += last.filesFailed();
            done += last.filesRead();
            err.printf("project loader: %,d/%,d%n", done, total);
        }
        if (failed > 0) {
            err.printf("project loader: %,d files failed%n", failed);
        }
        return last;
    }

    private void naive(CorpusGenerator corpus, int count) {
        Map<String, NaiveEntities.ProviderEntity> providers = new HashMap<>();
        Map<String, NaiveEntities.TopicEntity> topics = new HashMap<>();
        Iterator<CorpusGenerator.Article> it = corpus.articles();
        for (int i = 0; i < count && it.hasNext(); i++) {
            CorpusGenerator.Article a = it.next();
            NaiveEntities.ArticleEntity e = new NaiveEntities.ArticleEntity(UrlCanonicalizer.canonicalize(a.url()),
                    a.title(), a.excerpt(), a.publishedAt());
            e.provider = providers.computeIfAbsent(a.providerDomain(),
                    d -> new NaiveEntities.ProviderEntity(d, a.providerName()));
            a.topics().forEach(t -> e.topics.add(topics.computeIfAbsent(t, NaiveEntities.TopicEntity::new)));
            for (CorpusGenerator.Related r : a.related()) {
                NaiveEntities.ArticleEntity target = naive.findById(UrlCanonicalizer.canonicalize(r.url()))
                        .orElseGet(() -> new NaiveEntities.ArticleEntity(UrlCanonicalizer.canonicalize(r.url()),
                                r.title(), null, r.publishedAt()));
                target.provider = providers.computeIfAbsent(r.providerDomain(),
                        d -> new NaiveEntities.ProviderEntity(d, r.providerName()));
                e.related.add(target);
            }
            naive.save(e);
        }
    }

    /**
     * Bare CREATEs in batches of 10,000 articles: no MERGE and no uniqueness constraints — only plain range indexes
     * so relationships can find their ends, as any CREATE-based import needs.
     */
    private void lowerBound(CorpusGenerator corpus, PrintStream err) {
        try (var session = driver.session(SessionConfig.forDatabase(database))) {
            session.run("CREATE INDEX lb_provider IF NOT EXISTS FOR (p:LbProvider) ON (p.domain)").consume();
            session.run("CREATE INDEX lb_topic IF NOT EXISTS FOR (t:LbTopic) ON (t.name)").consume();
            session.run("CREATE INDEX lb_article IF NOT EXISTS FOR (a:LbArticle) ON (a.index)").consume();
            session.run("CALL db.awaitIndexes(60)").consume();
        }
        Map<String, String> providerIds = new HashMap<>();
        Map<String, String> topicIds = new HashMap<>();
        List<long[]> related = new ArrayList<>();
        Iterator<CorpusGenerator.Article> it = corpus.articles();
        List<CorpusGenerator.Article> batch = new ArrayList<>();
        try (var session = driver.session(SessionConfig.forDatabase(database))) {
            while (it.hasNext()) {
                batch.add(it.next());
                if (batch.size() < 10_000 && it.hasNext()) {
                    continue;
                }
                List<Map<String, Object>> newProviders = new ArrayList<>();
                List<Map<String, Object>> newTopics = new ArrayList<>();
                for (CorpusGenerator.Article a : batch) {
                    if (!providerIds.containsKey(a.providerDomain())) {
                        providerIds.put(a.providerDomain(), "");
                        newProviders.add(Map.of("domain", a.providerDomain(), "name", a.providerName()));
                    }
                    for (String t : a.topics()) {
                        if (!topicIds.containsKey(t)) {
                            topicIds.put(t, "");
                            newTopics.add(Map.of("name", t));
                        }
                    }
                }
                List<Map<String, Object>> rows = new ArrayList<>();
                for (CorpusGenerator.Article a : batch) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("index", a.index());
                    row.put("url", UrlCanonicalizer.canonicalize(a.url()));
                    row.put("title", a.title());
                    row.put("excerpt", a.excerpt());
                    row.put("publishedAt", a.publishedAt().atOffset(java.time.ZoneOffset.UTC));
                    row.put("provider", a.providerDomain());
                    row.put("topics", a.topics());
                    rows.add(row);
                    a.related().forEach(r -> related.add(new long[] {a.index(), r.index()}));
                }
                session.executeWrite(tx -> {
                    tx.run("UNWIND $p AS p CREATE (x:LbProvider) SET x = p", Map.of("p", newProviders)).consume();
                    tx.run("UNWIND $t AS t CREATE (x:LbTopic) SET x = t", Map.of("t", newTopics)).consume();
                    tx.run("""
                            UNWIND $rows AS row
                            MATCH (p:LbProvider {domain: row.provider})
                            CREATE (a:LbArticle {url: row.url, title: row.title, excerpt: row.excerpt,
                                                 publishedAt: row.publishedAt, index: row.index})
                            CREATE (a)-[:PUBLISHED_BY]->(p)
                            WITH a, row
                            UNWIND row.topics AS topic
                            MATCH (t:LbTopic {name: topic})
                            CREATE (a)-[:TAGGED]->(t)
                            """, Map.of("rows", rows)).consume();
                    return null;
                });
                batch.clear();
            }
            for (int from = 0; from < related.size(); from += 20_000) {
                List<Map<String, Object>> edges = new ArrayList<>();
                for (long[] e : related.subList(from, Math.min(related.size(), from + 20_000))) {
                    edges.add(Map.of("a", e[0], "b", e[1]));
                }
                session.executeWrite(tx -> tx.run("""
                        UNWIND $e AS e
                        MATCH (a:LbArticle {index: e.a})
                        MATCH (b:LbArticle {index: e.b})
                        CREATE (a)-[:RELATED_TO]->(b)
                        """, Map.of("e", edges)).consume());
            }
        }
        err.printf("lower bound: %,d related links%n", related.size());
    }

    private long nodeCount() {
        try (var session = driver.session(SessionConfig.forDatabase(database))) {
            return session.run("MATCH (n) WHERE NOT n:__StoryGraphMigration RETURN count(n) AS n").single()
                    .get("n").asLong();
        }
    }
}
