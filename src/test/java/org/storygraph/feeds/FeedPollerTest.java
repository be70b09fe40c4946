package org.storygraph.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.unit.DataSize;
import org.storygraph.StoryGraphTest;
import org.storygraph.graph.Graph;
import org.storygraph.ingest.FeedParsing;

/**
 * The poller against a feed server on loopback, with a stand-in for ingest that reads the response with the RSS/Atom
 * reader and remembers the URLs it has seen (as ingest would: a URL seen before is not created again).
 */
@StoryGraphTest
class FeedPollerTest {

    @Autowired
    FeedStore store;

    @Autowired
    Graph graph;

    private HttpServer server;
    private final AtomicReference<HttpHandler> handler = new AtomicReference<>();
    private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private FeedPoller poller;

    private final FeedIngest ingest = (url, body, type) -> {
        try {
            List<String> urls = FeedParsing.urls(url, body);
            int created = (int) urls.stream().filter(seen::add).count();
            return new FeedIngest.Outcome(created, urls.size() - created, null);
        } catch (IllegalArgumentException e) {
            return new FeedIngest.Outcome(0, 0, e.getMessage());
        }
    };

    static FeedsProperties properties(Duration timeout, DataSize maxSize) {
        return new FeedsProperties(false, Duration.ofMinutes(1), Duration.ofMinutes(15), Duration.ofMinutes(1),
                maxSize, timeout, Duration.ofSeconds(2), Duration.ofHours(24), 5, "StoryGraph test");
    }

    @BeforeEach
    void start() throws IOException {
        graph.write(tx -> tx.run("MATCH (f:Feed) DELETE f").consume());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            requests.add(Map.of(
                    "path", exchange.getRequestURI().getPath(),
                    "If-None-Match", String.valueOf(exchange.getRequestHeaders().getFirst("If-None-Match")),
                    "If-Modified-Since", String.valueOf(exchange.getRequestHeaders().getFirst("If-Modified-Since"))));
            try {
                handler.get().handle(exchange);
            } catch (IOException e) {
                // the client went away (time or size limit)
            } finally {
                exchange.close();
            }
        });
        server.start();
        poller = new FeedPoller(store, ingest, properties(Duration.ofSeconds(2), DataSize.ofMegabytes(5)),
                Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        poller.close();
        server.stop(0);
        graph.write(tx -> tx.run("MATCH (f:Feed) DELETE f").consume());
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private String add(String path) {
        String url = url(path);
        store.add(url, Duration.ofMinutes(15), Instant.now());
        return url;
    }

    private Feed feed(String url) {
        return store.find(url).orElseThrow();
    }

    private static void respond(HttpExchange exchange, int status, byte[] body, String... headers)
            throws IOException {
        for (int i = 0; i < headers.length; i += 2) {
            exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] rss(String... slugs) {
        StringBuilder sb = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Loopback News</title><link>https://loopback.example/</link>
                """);
        for (String slug : slugs) {
            sb.append("<item><title>Story ").append(slug).append("</title><link>https://loopback.example/")
                    .append(slug).append("</link><pubDate>Tue, 03 Mar 2026 09:30:00 GMT</pubDate></item>\n");
        }
        return sb.append("</channel></rss>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aFeedThatChangesBetweenPollsAddsOnlyTheNewItems() {
        AtomicReference<byte[]> body = new AtomicReference<>(rss("a", "b", "c"));
        AtomicReference<String> etag = new AtomicReference<>("\"v1\"");
        handler.set(ex -> respond(ex, 200, body.get(), "Content-Type", "application/rss+xml", "ETag", etag.get()));
        String url = add("/news.rss");

        List<FeedPoller.Poll> first = poller.pollDue();
        assertThat(first).singleElement().satisfies(p -> {
            assertThat(p.outcome()).isEqualTo("loaded");
            assertThat(p.created()).isEqualTo(3);
        });
        Feed after = feed(url);
        assertThat(after.articles()).isEqualTo(3);
        assertThat(after.etag()).isEqualTo("\"v1\"");
        assertThat(after.lastStatus()).isEqualTo(200);
        assertThat(after.lastFetchAt()).isNotNull();
        assertThat(after.nextFetchAt()).isBetween(Instant.now().plus(Duration.ofMinutes(14)),
                Instant.now().plus(Duration.ofMinutes(16)));
        assertThat(poller.pollDue()).as("not due again before its interval").isEmpty();

        body.set(rss("d", "a", "b", "c", "e"));
        etag.set("\"v2\"");
        FeedPoller.Poll second = poller.poll(url);
        assertThat(second.created()).isEqualTo(2);
        assertThat(second.updated()).isEqualTo(3);
        assertThat(requests.getLast().get("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(feed(url).articles()).isEqualTo(5);
        assertThat(feed(url).etag()).isEqualTo("\"v2\"");

        // the same body again without validators: not handed to ingest at all
        etag.set(null);
        handler.set(ex -> respond(ex, 200, body.get()));
        assertThat(poller.poll(url).outcome()).isEqualTo("unchanged");
        assertThat(feed(url).articles()).isEqualTo(5);
    }

    @Test
    void notModifiedIsHonouredWithBothConditionalHeaders() {
        String lastModified = "Tue, 03 Mar 2026 09:30:00 GMT";
        handler.set(ex -> {
            if ("\"abc\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                respond(ex, 304, new byte[0], "ETag", "\"abc\"");
            } else {
                respond(ex, 200, rss("x"), "ETag", "\"abc\"", "Last-Modified", lastModified);
            }
        });
        String url = add("/feed");
        assertThat(poller.poll(url).outcome()).isEqualTo("loaded");
        FeedPoller.Poll again = poller.poll(url);
        assertThat(again.outcome()).isEqualTo("not modified");
        assertThat(again.status()).isEqualTo(304);
        assertThat(requests.getLast()).containsEntry("If-None-Match", "\"abc\"")
                .containsEntry("If-Modified-Since", lastModified);
        Feed feed = feed(url);
        assertThat(feed.lastStatus()).isEqualTo(304);
        assertThat(feed.articles()).isEqualTo(1);
        assertThat(feed.lastModified()).isEqualTo(lastModified);
        assertThat(feed.failures()).isZero();
    }

    @Test
    void serverErrorsBackOffExponentiallyAndASuccessResets() {
        handler.set(ex -> respond(ex, 500, "oops".getBytes(StandardCharsets.UTF_8)));
        String url = add("/broken.rss");
        FeedPoller.Poll poll = poller.poll(url);
        assertThat(poll.outcome()).isEqualTo("failed");
        assertThat(poll.error()).isEqualTo("HTTP 500");
        Feed once = feed(url);
        assertThat(once.failures()).isEqualTo(1);
        assertThat(once.lastStatus()).isEqualTo(500);
        assertThat(once.lastError()).isEqualTo("HTTP 500");
        assertThat(Duration.between(once.lastFetchAt(), once.nextFetchAt())).isEqualTo(Duration.ofMinutes(30));

        poller.poll(url);
        Feed twice = feed(url);
        assertThat(twice.failures()).isEqualTo(2);
        assertThat(Duration.between(twice.lastFetchAt(), twice.nextFetchAt())).isEqualTo(Duration.ofMinutes(60));
        assertThat(poller.backoff(Duration.ofMinutes(15), 12)).isEqualTo(Duration.ofHours(24));

        handler.set(ex -> respond(ex, 200, rss("ok")));
        assertThat(poller.poll(url).outcome()).isEqualTo("loaded");
        Feed healed = feed(url);
        assertThat(healed.failures()).isZero();
        assertThat(healed.lastError()).isNull();
        assertThat(Duration.between(healed.lastFetchAt(), healed.nextFetchAt())).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aSlowServerHitsTheTimeLimit() {
        handler.set(ex -> sleep(5000));
        String silent = add("/silent.rss");
        Instant start = Instant.now();
        FeedPoller.Poll poll = poller.poll(silent);
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(4));
        assertThat(poll.status()).isZero();
        assertThat(poll.error()).startsWith("no response within 2 s");
        assertThat(feed(silent).failures()).isEqualTo(1);

        // headers at once, then the body a trickle
        handler.set(ex -> {
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            for (int i = 0; i < 50; i++) {
                out.write(' ');
                out.flush();
                sleep(200);
            }
        });
        String trickle = add("/trickle.rss");
        start = Instant.now();
        poll = poller.poll(trickle);
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(4));
        assertThat(poll.error()).startsWith("response not complete within 2 s");
    }

    @Test
    void aHugeResponseHitsTheSizeLimit() {
        byte[] chunk = new byte[1024 * 1024];
        java.util.Arrays.fill(chunk, (byte) ' ');
        handler.set(ex -> {
            ex.sendResponseHeaders(200, 0); // chunked: no Content-Length to refuse it by
            OutputStream out = ex.getResponseBody();
            for (int i = 0; i < 20; i++) {
                out.write(chunk);
            }
        });
        String chunked = add("/huge.rss");
        FeedPoller.Poll poll = poller.poll(chunked);
        assertThat(poll.error()).isEqualTo("response exceeds the limit of 5242880 bytes");
        assertThat(feed(chunked).lastError()).isEqualTo(poll.error());

        handler.set(ex -> {
            ex.sendResponseHeaders(200, 20L * chunk.length);
            OutputStream out = ex.getResponseBody();
            for (int i = 0; i < 20; i++) {
                out.write(chunk);
            }
        });
        String declared = add("/declared.rss");
        assertThat(poller.poll(declared).error()).isEqualTo("response of 20971520 bytes exceeds the limit of 5242880");
    }

    @Test
    void malformedAndUnsafeXmlAreRecordedAsFailures() {
        Map<String, String> expected = Map.of(
                "malformed.rss", "line 9: malformed XML",
                "xxe.rss", "unsafe XML: a DOCTYPE",
                "billion-laughs.rss", "unsafe XML: a DOCTYPE");
        expected.forEach((fixture, error) -> {
            byte[] body = FeedParsing.fixture(fixture);
            handler.set(ex -> respond(ex, 200, body, "Content-Type", "application/rss+xml"));
            String url = add("/" + fixture);
            FeedPoller.Poll poll = poller.poll(url);
            assertThat(poll.outcome()).as(fixture).isEqualTo("failed");
            assertThat(poll.error()).as(fixture).contains(error);
            Feed feed = feed(url);
            assertThat(feed.failures()).isEqualTo(1);
            assertThat(feed.lastStatus()).isEqualTo(200);
            assertThat(feed.lastError()).contains(error);
            assertThat(feed.articles()).isZero();
        });
        assertThat(seen).isEmpty();
    }

    @Test
    void redirectsAreFollowedWithinTheSchemeOnly() {
        handler.set(ex -> {
            switch (ex.getRequestURI().getPath()) {
                case "/old.rss" -> respond(ex, 301, new byte[0], "Location", "/new.rss");
                case "/new.rss" -> respond(ex, 200, rss("moved"));
                case "/tls.rss" -> respond(ex, 302, new byte[0], "Location",
                        "https://127.0.0.1:" + server.getAddress().getPort() + "/new.rss");
                case "/file.rss" -> respond(ex, 302, new byte[0], "Location", "file:///etc/passwd");
                default -> respond(ex, 302, new byte[0], "Location", ex.getRequestURI().getPath());
            }
        });
        assertThat(poller.poll(add("/old.rss")).created()).isEqualTo(1);
        assertThat(poller.poll(add("/tls.rss")).error()).isEqualTo("redirect from http to another scheme refused "
                + "(https)");
        assertThat(poller.poll(add("/file.rss")).error()).contains("another scheme refused");
        assertThat(poller.poll(add("/loop.rss")).error()).isEqualTo("more than 5 redirects");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
