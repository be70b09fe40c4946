package org.storygraph.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.test.context.ContextConfiguration;
import org.storygraph.GraphFixtures;
import org.storygraph.TestDatabase;
import org.storygraph.ingest.IngestService;

/**
 * The change feed over a real HTTP connection (the read cache on, as in production): load the seeds, subscribe,
 * load one more article on the police-protests story, and see one {@code grown} change in the run's record and one
 * {@code grown} event on the stream; reconnect with an earlier {@code Last-Event-ID} and get it again; and
 * {@code ?changedSince=} on the story list, both ways.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "storygraph.ingest.seeds.load-when-empty=false",
        "storygraph.feeds.poll=false",
        "storygraph.changes.heartbeat=500ms"})
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChangeFeedTest {

    static final String THE_HILL = "https://thehill.com/policy/technology/"
            + "503077-facial-recognition-tools-under-fresh-scrutiny-amid-police-protests";
    static final String CNN = "https://cnn.com/2020/06/13/tech/facial-recognition-policy/index.html";

    /**
     * Another outlet on the police-protests story (wbur.org 06-16 15:30, wpxi.com 06-16 23:27, thehill.com
     * 06-17 11:00), published three hours after its last member.
     */
    static final String EXTRA = """
            ---
            title: "Police protests bring fresh scrutiny of facial recognition technology"
            excerpt: "Nationwide protests against police brutality are renewing scrutiny of facial recognition technology, as civil rights advocates say police use it to identify protesters and tech giants like Amazon and IBM scale back sales of the software to law enforcement."
            publishedDateTime: 2020-06-17T14:00:00Z
            webUrl: "https://www.example-news.org/2020/06/17/police-protests-facial-recognition-scrutiny"
            type: article
            provider:
              name: Example News
              domain: example-news.org
            topics:
              - Computer Vision
              - AI
            ---
            """;

    @LocalServerPort
    int port;
    @Autowired
    GraphFixtures graph;
    @Autowired
    IngestService ingest;
    @Autowired
    Neo4jClient client;
    @Autowired
    ChangeFeed feed;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Stream> open = new ArrayList<>();
    private String protests;
    private String cnnStory;
    private Instant beforeLoad;
    private Instant afterSeeds;

    @BeforeAll
    void seeds() throws Exception {
        beforeLoad = Instant.now().minusSeconds(1);
        graph.seeds();
        protests = storyOf(THE_HILL);
        cnnStory = storyOf(CNN);
        Thread.sleep(20);
        afterSeeds = Instant.now();
    }

    @AfterEach
    void close() throws Exception {
        for (Stream s : open) {
            s.close();
        }
        open.clear();
    }

    private String storyOf(String url) {
        return client.query("MATCH (:Article {url: $u})-[:IN_STORY]->(s:Story) RETURN s.id").bind(url).to("u")
                .fetchAs(String.class).one().orElseThrow();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private DocumentContext json(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonPath.parse(response.body());
    }

    /** One server-sent event: its fields, or a comment ({@code comment} set). */
    record Event(String id, String name, String data, String comment) {
    }

    /** An open stream, read line by line on a thread of its own into a queue of events. */
    final class Stream implements AutoCloseable {
        final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        final HttpResponse<InputStream> response;
        final Thread reader;

        Stream(String lastEventId) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/stories/changes"));
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            reader = Thread.ofVirtual().start(this::read);
            open.add(this);
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(),
                    StandardCharsets.UTF_8))) {
                Map<String, String> fields = new LinkedHashMap<>();
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.isEmpty()) {
                        if (!fields.isEmpty()) {
                            events.add(new Event(fields.get("id"), fields.get("event"), fields.get("data"),
                                    fields.get("")));
                        }
                        fields.clear();
                        continue;
                    }
                    int colon = line.indexOf(':');
                    String name = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1);
                    fields.merge(name, value.startsWith(" ") ? value.substring(1) : value, (a, b) -> a + "\n" + b);
                }
            } catch (java.io.IOException ignored) {
                // closed by the test
            }
        }

        /** The next event that is not a comment, waiting up to 30 s. */
        Event next() throws InterruptedException {
            while (true) {
                Event e = events.poll(30, TimeUnit.SECONDS);
                assertThat(e).as("an event within 30 s").isNotNull();
                if (e.comment() == null) {
                    return e;
                }
            }
        }

        /** The events before the next heartbeat comment (there is one every 500 ms). */
        List<Event> untilHeartbeat() throws InterruptedException {
            List<Event> before = new ArrayList<>();
            while (true) {
                Event e = events.poll(30, TimeUnit.SECONDS);
                assertThat(e).as("a heartbeat within 30 s").isNotNull();
                if (e.comment() != null) {
                    return before;
                }
                before.add(e);
            }
        }

        @Override
        public void close() throws Exception {
            response.body().close();
            reader.interrupt();
        }
    }

    @Test
    void oneMoreArticleOnAStoryIsOneGrownChangeAndOneEventAndAReconnectGetsItAgain() throws Exception {
        int subscribed = feed.subscribers();
        Stream stream = new Stream(null);
        assertThat(stream.response.statusCode()).isEqualTo(200);
        assertThat(stream.response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        // subscribed once the first heartbeat arrives; nothing happened yet, so no event came before it
        assertThat(stream.untilHeartbeat()).isEmpty();
        assertThat(feed.subscribers()).isEqualTo(subscribed + 1);

        ingest.loadUploads(List.of(new IngestService.Upload("extra.txt", EXTRA.getBytes(StandardCharsets.UTF_8))));

        // the run of that load: one change, the protests story grown from 3 to 4 articles
        DocumentContext runs = json("/api/runs?size=1");
        String run = runs.read("$.items[0].id");
        assertThat(runs.<String>read("$.items[0].kind")).isEqualTo("incremental");
        assertThat(runs.<Integer>read("$.items[0].articlesIn")).isEqualTo(1);
        assertThat(runs.<Integer>read("$.items[0].grown")).isEqualTo(1);
        DocumentContext changes = json("/api/runs/" + run + "/changes");
        assertThat(changes.<Integer>read("$.total")).isEqualTo(1);
        assertThat(changes.<String>read("$.items[0].kind")).isEqualTo("grown");
        assertThat(changes.<String>read("$.items[0].storyId")).isEqualTo(protests);
        assertThat(changes.<List<String>>read("$.items[0].fromIds")).containsExactly(protests);
        assertThat(changes.<Integer>read("$.items[0].size")).isEqualTo(4);
        assertThat(changes.<Integer>read("$.items[0].previousSize")).isEqualTo(3);
        long sequence = changes.<Number>read("$.items[0].sequence").longValue();

        // exactly one event on the stream: grown, naming the story, with the change's sequence as its id
        Event grown = stream.next();
        assertThat(grown.name()).isEqualTo("grown");
        assertThat(grown.id()).isEqualTo(Long.toString(sequence));
        DocumentContext data = JsonPath.parse(grown.data());
        assertThat(data.<String>read("$.storyId")).isEqualTo(protests);
        assertThat(data.<String>read("$.runId")).isEqualTo(run);
        assertThat(data.<List<String>>read("$.fromIds")).containsExactly(protests);
        assertThat(data.<Integer>read("$.size")).isEqualTo(4);
        assertThat(Instant.parse(data.read("$.at"))).isAfter(afterSeeds);
        assertThat(stream.untilHeartbeat()).as("no second event").isEmpty();

        // a client that saw the event before it reconnects and gets the grown event first, then live ones
        Stream again = new Stream(Long.toString(sequence - 1));
        Event replayed = again.next();
        assertThat(replayed.name()).isEqualTo("grown");
        assertThat(replayed.id()).isEqualTo(Long.toString(sequence));
        assertThat(JsonPath.parse(replayed.data()).<String>read("$.storyId")).isEqualTo(protests);
        assertThat(again.untilHeartbeat()).isEmpty();
        // one that saw it gets nothing again
        Stream upToDate = new Stream(Long.toString(sequence));
        assertThat(upToDate.untilHeartbeat()).isEmpty();

        // ?changedSince: the grown story changed after the seeds were loaded, no other story did
        assertThat(json("/api/stories?size=200&changedSince=" + afterSeeds).<List<String>>read("$.items[*].id"))
                .containsExactly(protests);
        assertThat(json("/api/stories?size=200&changedSince=" + Instant.now()).<Integer>read("$.total")).isZero();
        DocumentContext all = json("/api/stories?size=200&changedSince=" + beforeLoad);
        assertThat(all.<List<String>>read("$.items[*].id")).contains(protests, cnnStory);
        assertThat(all.<Integer>read("$.total")).isEqualTo(
                (int) graph.count("MATCH (s:Story) RETURN count(s)"));
        // the list's other filters still apply: the CNN story is out of the changed ones, whatever else is asked
        assertThat(json("/api/stories?changedSince=" + afterSeeds + "&provider=cnn.com").<Integer>read("$.total"))
                .isZero();
        assertThat(json("/api/stories?changedSince=" + afterSeeds + "&provider=thehill.com")
                .<List<String>>read("$.items[*].id")).containsExactly(protests);
        HttpResponse<String> bad = get("/api/stories?changedSince=" + URLEncoder.encode("yesterday",
                StandardCharsets.UTF_8));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JsonPath.parse(bad.body()).<String>read("$.detail")).contains("changedSince");
        assertThat(get("/api/stories/changes?lastEventId=abc").statusCode()).isEqualTo(400);
    }
}
