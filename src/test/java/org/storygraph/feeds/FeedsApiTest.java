package org.storygraph.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.storygraph.GraphFixtures;
import org.storygraph.StoryGraphApplication;
import org.storygraph.StoryGraphTest;
import org.storygraph.TestDatabase;
import org.storygraph.cli.Cli;
import org.storygraph.common.InvalidParameterException;
import org.storygraph.common.NotFoundException;
import org.storygraph.graph.Graph;
import org.storygraph.ingest.FeedParsing;

/** The feed list through the service, {@code GET /api/feeds} and {@code storygraph feeds}; feed to articles. */
@StoryGraphTest
class FeedsApiTest {

    @Autowired
    FeedService feeds;

    @Autowired
    FeedPoller poller;

    @Autowired
    Graph graph;

    @Autowired
    GraphFixtures fixtures;

    @Autowired
    MockMvcTester mvc;

    @BeforeEach
    @AfterEach
    void clean() {
        graph.write(tx -> tx.run("MATCH (f:Feed) DELETE f").consume());
    }

    @Test
    void addListAndRemoveFeeds() {
        FeedService.Added added = feeds.add(" https://news.example.com/rss ", "2h");
        assertThat(added.created()).isTrue();
        assertThat(added.feed().url()).isEqualTo("https://news.example.com/rss");
        assertThat(added.feed().every()).isEqualTo("2h");
        assertThat(added.feed().lastFetchAt()).isNull();
        assertThat(feeds.add("https://news.example.com/rss", "PT30M").created()).isFalse();
        feeds.add("http://other.example.org/atom.xml", null);

        assertThat(mvc.get().uri("/api/feeds")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.total", v -> v.assertThat().isEqualTo(2))
                .hasPathSatisfying("$.items[0].url", v -> v.assertThat().isEqualTo("http://other.example.org/atom.xml"))
                .hasPathSatisfying("$.items[0].every", v -> v.assertThat().isEqualTo("15m"))
                .hasPathSatisfying("$.items[0].articles", v -> v.assertThat().isEqualTo(0))
                .hasPathSatisfying("$.items[1].every", v -> v.assertThat().isEqualTo("30m"));
        assertThat(mvc.get().uri("/api/feeds?size=1&page=1")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.totalPages", v -> v.assertThat().isEqualTo(2))
                .hasPathSatisfying("$.items[*].every", v -> v.assertThat().asList().containsExactly("30m"));

        assertThatThrownBy(() -> feeds.add("ftp://x.example/feed", null)).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> feeds.add("https://x.example/feed", "10s"))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("shorter than the minimum of 1m");
        assertThatThrownBy(() -> feeds.add("https://x.example/feed", "soon"))
                .isInstanceOf(InvalidParameterException.class);
        feeds.remove("https://news.example.com/rss");
        assertThat(feeds.list()).extracting(FeedView::url).containsExactly("http://other.example.org/atom.xml");
        assertThatThrownBy(() -> feeds.remove("https://news.example.com/rss")).isInstanceOf(NotFoundException.class);
    }

    private record Run(int code, String out, String err) {
    }

    private static Run cli(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        String[] all = Stream.concat(Stream.of(args), Stream.of("--storygraph.neo4j.uri=" + TestDatabase.boltUri()))
                .toArray(String[]::new);
        int code = Cli.run(StoryGraphApplication.class, all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theFeedsCommands() {
        Run add = cli("feeds", "add", "https://cli.example.com/feed.rss", "--every", "1h");
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(add.out()).contains("Added https://cli.example.com/feed.rss, every 1h");
        Run list = cli("feeds", "list");
        assertThat(list.out()).contains("https://cli.example.com/feed.rss", "every 1h, last fetch never", "(1 feeds)");
        Run bad = cli("feeds", "add", "https://cli.example.com/feed.rss", "--every", "5s");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("shorter than the minimum");
        assertThat(cli("feeds", "remove", "https://cli.example.com/feed.rss").code()).isZero();
        Run gone = cli("feeds", "remove", "https://cli.example.com/feed.rss");
        assertThat(gone.code()).isEqualTo(1);
        assertThat(gone.err()).contains("No feed with id 'https://cli.example.com/feed.rss'");
    }

    @Test
    void aPolledFeedBecomesArticles() throws IOException {
        fixtures.clear();
        byte[] rss = FeedParsing.fixture("harbour-gazette.rss");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            ex.getResponseHeaders().add("Content-Type", "application/rss+xml");
            ex.sendResponseHeaders(200, rss.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(rss);
            }
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/latest";
            feeds.add(url, null);
            FeedPoller.Poll poll = poller.poll(url);
            assertThat(poll.error()).isNull();
            assertThat(poll.created()).isEqualTo(10);
            assertThat(graph.count("MATCH (a:Article)-[:PUBLISHED_BY]->(:Provider {domain: 'harbourgazette.co.uk'}) "
                    + "RETURN count(a)", java.util.Map.of())).isEqualTo(10);
            assertThat(feeds.list().getFirst().articles()).isEqualTo(10);
        } finally {
            server.stop(0);
        }
    }
}
