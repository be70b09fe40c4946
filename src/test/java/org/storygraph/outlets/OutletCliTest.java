package org.storygraph.outlets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.storygraph.GraphFixtures;
import org.storygraph.StoryGraphApplication;
import org.storygraph.StoryGraphTest;
import org.storygraph.TestDatabase;
import org.storygraph.cli.Cli;
import org.storygraph.ingest.IngestService;

/**
 * {@code storygraph providers import | list}, and providers keyed by registrable domain
 * ({@code storygraph.outlets.group-by-registrable-domain}) on and off.
 */
@StoryGraphTest
class OutletCliTest {

    static final String GROUPING = "--storygraph.outlets.group-by-registrable-domain=true";

    @Autowired
    GraphFixtures graph;
    @Autowired
    Neo4jClient client;
    @Autowired
    IngestService ingest;

    private record Run(int code, String out, String err) {
    }

    private static Run cli(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        String[] all = Stream.concat(Arrays.stream(args),
                Stream.of("--storygraph.neo4j.uri=" + TestDatabase.boltUri())).toArray(String[]::new);
        int code = Cli.run(StoryGraphApplication.class, all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void importsAnOutletFileAndListsProvidersByCollectionAndMediaType(@TempDir Path dir) throws IOException {
        graph.seeds();
        OutletImportTest.resetOutlets(client);
        Run imported = cli("providers", "import", "outlets/seed-outlets.csv");
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("25 rows, 0 outlets created, 25 updated, 0 unchanged, 0 rejected",
                "Collections (3, 3 new, 0 removed): International, US local and regional, US national");

        Run local = cli("providers", "list", "--collection", "US local and regional", "--media-type", "broadcast");
        assertThat(local.code()).as(local.err()).isZero();
        assertThat(local.out()).contains("wbur.org", "WBUR", "wpxi.com", "wxyz.com", "(3 providers)")
                .doesNotContain("npr.org", "bizjournals.com", "bbc.com");
        assertThat(local.out().lines().filter(l -> l.startsWith("wbur.org")).findFirst().orElseThrow())
                .contains(" 2 ", "US", "en", "broadcast", "US local and regional");

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, """
                domain,name,country,mediaType
                npr.org,NPR,US,broadcast
                bad domain!,X,US,local
                """);
        Run partly = cli("providers", "import", bad.toString());
        assertThat(partly.code()).isEqualTo(Cli.EXIT_PARTIAL);
        assertThat(partly.out()).contains("2 rows, 0 outlets created, 1 updated, 0 unchanged, 1 rejected");
        assertThat(partly.err()).contains("line 3 domain: 'bad domain!' is not a domain");
        // npr.org: the file gives no language, owner or collections, so it has none now
        assertThat(graph.count("MATCH (p:Provider {domain: 'npr.org'}) WHERE p.language IS NULL AND p.owner IS NULL "
                + "AND p.mediaType = 'broadcast' AND NOT (p)-[:IN_COLLECTION]->() RETURN count(p)")).isEqualTo(1);

        Run missing = cli("providers", "import", dir.resolve("nope.csv").toString());
        assertThat(missing.code()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(missing.err()).contains("no such file");
    }

    /** Two CNN articles (edition.cnn.com, cnn.com) and two BBC ones (news.bbc.co.uk, bbc.co.uk, no provider given). */
    private static Path hosts(Path dir) throws IOException {
        article(dir, "1.md", "https://edition.cnn.com/2020/06/10/tech/one",
                "provider:\n  name: CNN\n  domain: edition.cnn.com\n");
        article(dir, "2.md", "https://www.cnn.com/2020/06/10/tech/two", "provider:\n  name: CNN\n  domain: cnn.com\n");
        article(dir, "3.md", "https://news.bbc.co.uk/2020/06/10/three", "");
        article(dir, "4.md", "https://www.bbc.co.uk/news/four", "");
        return dir;
    }

    private static void article(Path dir, String name, String url, String provider) throws IOException {
        Files.writeString(dir.resolve(name), """
                ---
                title: "Story at %s"
                webUrl: "%s"
                publishedDateTime: 2020-06-10T12:00:00Z
                %s---
                """.formatted(url, url, provider));
    }

    /** provider domain, name, its articles' hosts. */
    private List<String> providers() {
        return List.copyOf(client.query("""
                MATCH (p:Provider)
                RETURN p.domain + ' ' + p.name + ' ' + reduce(s = '', h IN COLLECT {
                    MATCH (p)<-[:PUBLISHED_BY]-(a:Article) RETURN a.host ORDER BY a.host } | s + '[' + h + ']') AS row
                ORDER BY row
                """).fetchAs(String.class).all());
    }

    @Test
    void keysProvidersByHostOrByRegistrableDomain(@TempDir Path dir) throws IOException {
        Path files = hosts(dir);
        // off (the default): each host is its own provider
        graph.clear();
        ingest.load(List.of(files));
        assertThat(providers()).containsExactly("bbc.co.uk bbc.co.uk [bbc.co.uk]", "cnn.com CNN [cnn.com]",
                "edition.cnn.com CNN [edition.cnn.com]", "news.bbc.co.uk news.bbc.co.uk [news.bbc.co.uk]");

        // on: one provider per registrable domain, public-suffix aware (bbc.co.uk, not co.uk); hosts stay
        graph.clear();
        Run load = cli("load", files.toString(), GROUPING);
        assertThat(load.code()).as(load.err()).isZero();
        assertThat(providers()).containsExactly("bbc.co.uk bbc.co.uk [bbc.co.uk][news.bbc.co.uk]",
                "cnn.com CNN [cnn.com][edition.cnn.com]");

        // an outlet file naming a host describes its registrable domain's outlet under the same setting
        Path outlets = dir.resolve("outlets.yaml");
        Files.writeString(outlets, """
                - domain: edition.cnn.com
                  name: CNN
                  mediaType: broadcast
                  collections: [US national]
                """);
        Run imported = cli("providers", "import", outlets.toString(), GROUPING);
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("1 rows, 0 outlets created, 1 updated");
        assertThat(graph.count("MATCH (p:Provider {domain: 'cnn.com', mediaType: 'broadcast'})-[:IN_COLLECTION]->"
                + "(:Collection {name: 'US national'}) RETURN count(p)")).isEqualTo(1);
        assertThat(graph.count("MATCH (p:Provider) RETURN count(p)")).isEqualTo(2);
    }
}
