package org.storygraph.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.storygraph.GraphFixtures;
import org.storygraph.StoryGraphTest;

/**
 * Week and month buckets, shares of all articles, the collection filter and independent counts, on a small graph
 * made here with Cypher. Every article has exactly one topic. Times UTC (Berlin is UTC+01:00 until 2024-03-31):
 * <pre>
 *  a9 2024-03-03T23:30 national.example Sports   (Sunday in UTC, Monday 00:30 in Berlin)
 *  a1 2024-03-04T09:00 national.example Politics  ┐
 *  a2 2024-03-04T10:00 national.example Politics  │ story "shares-story": a1, a3, a6
 *  a3 2024-03-04T11:00 local.example    Sports    │
 *  a4 2024-03-04T12:00 wire.example     Politics  │ (media type wire)
 *  a8 2024-03-04T13:00 local.example    Tech      │
 *  a5 2024-03-05T08:00 blog.example     Politics  │ (no media type, in no collection)
 *  a6 2024-03-05T09:00 local.example    Politics  ┘ a copy: DUPLICATE_OF a1
 *  a7 2024-03-05T15:00 national.example Sports
 * collection "US national": national.example, wire.example; collection "Empty": no outlets
 * </pre>
 * UTC days: 03-03 has 1 article, 03-04 five, 03-05 three.
 */
@StoryGraphTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimelineSharesApiTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    GraphFixtures graph;
    @Autowired
    Neo4jClient client;

    @BeforeAll
    void arrange() {
        graph.clear();
        client.query("""
                CREATE (national:Provider {domain: 'national.example', name: 'National', mediaType: 'national'}),
                       (local:Provider {domain: 'local.example', name: 'Local', mediaType: 'local'}),
                       (wire:Provider {domain: 'wire.example', name: 'Wire', mediaType: 'wire'}),
                       (:Provider {domain: 'blog.example', name: 'Blog'}),
                       (us:Collection {name: 'US national'}), (:Collection {name: 'Empty'}),
                       (national)-[:IN_COLLECTION]->(us), (wire)-[:IN_COLLECTION]->(us),
                       (:Topic {name: 'Politics'}), (:Topic {name: 'Sports'}), (:Topic {name: 'Tech'}),
                       (:Story {id: 'shares-story', label: 'Shares story'})
                WITH *
                UNWIND $rows AS row
                MATCH (p:Provider {domain: row[2]}), (t:Topic {name: row[3]})
                CREATE (a:Article {id: row[0], url: 'https://' + row[2] + '/' + row[0],
                                   publishedAt: datetime(row[1])})-[:PUBLISHED_BY]->(p),
                       (a)-[:TAGGED]->(t)
                """).bind(List.of(
                List.of("a9", "2024-03-03T23:30:00Z", "national.example", "Sports"),
                List.of("a1", "2024-03-04T09:00:00Z", "national.example", "Politics"),
                List.of("a2", "2024-03-04T10:00:00Z", "national.example", "Politics"),
                List.of("a3", "2024-03-04T11:00:00Z", "local.example", "Sports"),
                List.of("a4", "2024-03-04T12:00:00Z", "wire.example", "Politics"),
                List.of("a8", "2024-03-04T13:00:00Z", "local.example", "Tech"),
                List.of("a5", "2024-03-05T08:00:00Z", "blog.example", "Politics"),
                List.of("a6", "2024-03-05T09:00:00Z", "local.example", "Politics"),
                List.of("a7", "2024-03-05T15:00:00Z", "national.example", "Sports"))).to("rows").run();
        client.query("""
                MATCH (a1:Article {id: 'a1'}), (a6:Article {id: 'a6'}), (s:Story {id: 'shares-story'})
                MATCH (m:Article) WHERE m.id IN ['a1', 'a3', 'a6']
                CREATE (a6)-[:DUPLICATE_OF]->(a1), (m)-[:IN_STORY {score: 1.0}]->(s)
                """).run();
        assertThat(graph.count("MATCH (a:Article) RETURN count(a)")).isEqualTo(9);
        assertThat(graph.count("MATCH (a:Article) WHERE COUNT { (a)-[:TAGGED]->() } = 1 RETURN count(a)"))
                .as("every article has exactly one topic").isEqualTo(9);
    }

    @Test
    void weeksStartOnMondayInTheRequestedZone() {
        // Sports: a9 is Sunday 23:30 in UTC (the week of 02-26) but Monday 00:30 in Berlin (the week of 03-04)
        DocumentContext utc = ok("/api/topics/Sports/timeline?bucket=week");
        assertThat(utc.<String>read("$.bucket")).isEqualTo("week");
        assertThat(utc.<List<String>>read("$.buckets[*].start"))
                .containsExactly("2024-02-26T00:00:00Z", "2024-03-04T00:00:00Z");
        assertThat(utc.<List<String>>read("$.buckets[*].end"))
                .containsExactly("2024-03-04T00:00:00Z", "2024-03-11T00:00:00Z");
        assertThat(ints(utc, "$.buckets[*].articles")).containsExactly(1, 2);
        DocumentContext berlin = ok("/api/topics/Sports/timeline?bucket=WEEK&tz=Europe/Berlin");
        assertThat(berlin.<List<String>>read("$.buckets[*].start")).containsExactly("2024-03-04T00:00:00+01:00");
        assertThat(berlin.<String>read("$.to")).isEqualTo("2024-03-11T00:00:00+01:00");
        assertThat(ints(berlin, "$.buckets[*].articles")).containsExactly(3);
        // a range is widened to whole weeks: Wednesday 03-06 .. Tuesday 03-12 covers the weeks of 03-04 and 03-11
        DocumentContext range = ok("/api/providers/national.example/timeline?bucket=week&from=2024-03-06"
                + "&to=2024-03-12&tz=Europe/Berlin");
        assertThat(range.<List<String>>read("$.buckets[*].start"))
                .containsExactly("2024-03-04T00:00:00+01:00", "2024-03-11T00:00:00+01:00");
        // national.example in Berlin's week of 03-04: a9, a1, a2, a7
        assertThat(ints(range, "$.buckets[*].articles")).containsExactly(4, 0);
        // a story in weeks: a1, a3 (03-04) and a6 (03-05) in one week
        DocumentContext story = ok("/api/stories/shares-story/timeline?bucket=week");
        assertThat(story.<List<String>>read("$.buckets[*].start")).containsExactly("2024-03-04T00:00:00Z");
        assertThat(ints(story, "$.buckets[*].articles")).containsExactly(3);
    }

    @Test
    void monthsHaveTheirNumberOfDays() {
        // 2024 is a leap year: February has 29 days; Berlin's March ends in summer time (+02:00)
        DocumentContext months = ok("/api/topics/Sports/timeline?bucket=month&from=2024-02-10&to=2024-03-20"
                + "&tz=Europe/Berlin");
        assertThat(months.<String>read("$.bucket")).isEqualTo("month");
        assertThat(months.<List<String>>read("$.buckets[*].start"))
                .containsExactly("2024-02-01T00:00:00+01:00", "2024-03-01T00:00:00+01:00");
        assertThat(months.<List<String>>read("$.buckets[*].end"))
                .containsExactly("2024-03-01T00:00:00+01:00", "2024-04-01T00:00:00+02:00");
        assertThat(ints(months, "$.buckets[*].articles")).containsExactly(0, 3);
        // in UTC: January 31 days, February 29, March 31
        DocumentContext utc = ok("/api/topics/Sports/timeline?bucket=month&from=2024-01-15&to=2024-03-02");
        assertThat(utc.<List<String>>read("$.buckets[*].start")).containsExactly("2024-01-01T00:00:00Z",
                "2024-02-01T00:00:00Z", "2024-03-01T00:00:00Z");
        assertThat(utc.<List<String>>read("$.buckets[*].end")).containsExactly("2024-02-01T00:00:00Z",
                "2024-03-01T00:00:00Z", "2024-04-01T00:00:00Z");
        assertThat(ints(utc, "$.buckets[*].articles")).containsExactly(0, 0, 3);
        // without a range, the extent of the data: one month
        assertThat(ok("/api/collections/US national/timeline?bucket=month").<List<String>>read("$.buckets[*].start"))
                .containsExactly("2024-03-01T00:00:00Z");
    }

    @Test
    void sharesOfADaySumToOneAcrossTopics() {
        String range = "/timeline?measure=share&from=2024-03-03&to=2024-03-06";
        DocumentContext politics = ok("/api/topics/Politics" + range);
        DocumentContext sports = ok("/api/topics/Sports" + range);
        DocumentContext tech = ok("/api/topics/Tech" + range);
        assertThat(politics.<String>read("$.measure")).isEqualTo("share");
        // days 03-03, 03-04, 03-05: all articles 1, 5, 3
        for (DocumentContext topic : List.of(politics, sports, tech)) {
            assertThat(topic.<List<String>>read("$.buckets[*].start")).containsExactly("2024-03-03T00:00:00Z",
                    "2024-03-04T00:00:00Z", "2024-03-05T00:00:00Z");
            assertThat(ints(topic, "$.buckets[*].allArticles")).containsExactly(1, 5, 3);
            assertThat(topic.<Integer>read("$.totals.allArticles")).isEqualTo(9);
        }
        // counts stay: Politics a1 a2 a4 | a5 a6; Sports a9 | a3 | a7; Tech a8
        assertThat(ints(politics, "$.buckets[*].articles")).containsExactly(0, 3, 2);
        assertThat(ints(sports, "$.buckets[*].articles")).containsExactly(1, 1, 1);
        assertThat(ints(tech, "$.buckets[*].articles")).containsExactly(0, 1, 0);
        assertShares(politics, 0, 0.6, 2.0 / 3);
        assertShares(sports, 1, 0.2, 1.0 / 3);
        assertShares(tech, 0, 0.2, 0);
        for (int day = 0; day < 3; day++) {
            double sum = 0;
            long articles = 0;
            for (DocumentContext topic : List.of(politics, sports, tech)) {
                sum += ((Number) topic.read("$.buckets[" + day + "].share")).doubleValue();
                articles += topic.<Integer>read("$.buckets[" + day + "].articles");
            }
            assertThat(sum).as("day %d", day).isCloseTo(1.0, within(1e-9));
            assertThat(articles).isEqualTo(politics.<Integer>read("$.buckets[" + day + "].allArticles").longValue());
        }
        // counts alone: no denominators, no shares; a1 (03-04, the story's first) and a6 (03-05) are in the story
        assertThat(ints(politics, "$.buckets[*].stories")).containsExactly(0, 1, 1);
        assertThat(ints(politics, "$.buckets[*].newStories")).containsExactly(0, 1, 0);
        DocumentContext counts = ok("/api/topics/Politics/timeline?from=2024-03-03&to=2024-03-06");
        assertThat(counts.<String>read("$.measure")).isEqualTo("count");
        assertThat(counts.<Map<String, Object>>read("$.buckets[1]")).containsOnlyKeys("start", "end", "articles",
                "stories", "newStories");
        assertThat(counts.<Map<String, Object>>read("$.totals"))
                .isEqualTo(Map.of("articles", 5, "stories", 1, "newStories", 1));
        assertThat(counts.<Map<String, Object>>read("$.independence"))
                .isEqualTo(Map.of("independent", false, "copies", 0, "wire", 0));
    }

    @Test
    void aStorysShareIsOfAllArticlesInTheBucket() {
        // a1, a3 of 5 on 03-04; a6 of 3 on 03-05
        DocumentContext story = ok("/api/stories/shares-story/timeline?bucket=day&measure=share");
        assertThat(ints(story, "$.buckets[*].articles")).containsExactly(2, 1);
        assertThat(ints(story, "$.buckets[*].allArticles")).containsExactly(5, 3);
        assertShares(story, 0.4, 1.0 / 3);
        assertThat(story.<Map<String, Object>>read("$.totals"))
                .isEqualTo(Map.of("articles", 3, "providers", 2, "ignoredArticles", 0, "allArticles", 8));
    }

    @Test
    void aCollectionFilterCountsAndDividesByTheCollectionsArticles() {
        // US national (national.example, wire.example): 03-04 a1 a2 a4 (3), 03-05 a7 (1)
        DocumentContext politics = ok("/api/topics/Politics/timeline?measure=share&collection=US national"
                + "&from=2024-03-04&to=2024-03-06");
        assertThat(politics.<String>read("$.collection")).isEqualTo("US national");
        assertThat(ints(politics, "$.buckets[*].allArticles")).containsExactly(3, 1);
        // Politics of the collection: a1 a2 a4 | none (a5 blog and a6 local are outside it)
        assertThat(ints(politics, "$.buckets[*].articles")).containsExactly(3, 0);
        assertShares(politics, 1, 0);
        DocumentContext sports = ok("/api/topics/Sports/timeline?measure=share&collection=US national"
                + "&from=2024-03-04&to=2024-03-06");
        assertThat(ints(sports, "$.buckets[*].articles")).containsExactly(0, 1);
        assertShares(sports, 0, 1);
        // a provider of the collection: national.example a1 a2 of 3, a7 of 1; graph-wide a1 a2 of 5, a7 of 3
        DocumentContext national = ok("/api/providers/national.example/timeline?measure=share"
                + "&collection=US national&from=2024-03-04&to=2024-03-06");
        assertShares(national, 2.0 / 3, 1);
        DocumentContext nationalAll = ok("/api/providers/national.example/timeline?measure=share"
                + "&from=2024-03-04&to=2024-03-06");
        assertThat(nationalAll.<Map<String, Object>>read("$")).doesNotContainKey("collection")
                .containsEntry("measure", "share");
        assertShares(nationalAll, 0.4, 1.0 / 3);
        // the collection's own timeline: its articles of all articles, 03-03 a9 of 1, 03-04 3 of 5, 03-05 1 of 3
        DocumentContext collection = ok("/api/collections/{name}/timeline?measure=share", "US national");
        assertThat(collection.<String>read("$.type")).isEqualTo("collection");
        assertThat(collection.<String>read("$.name")).isEqualTo("US national");
        assertThat(ints(collection, "$.buckets[*].articles")).containsExactly(1, 3, 1);
        assertThat(ints(collection, "$.buckets[*].allArticles")).containsExactly(1, 5, 3);
        assertShares(collection, 1, 0.6, 1.0 / 3);
        // a collection without outlets: no articles, and a share of 0 where its denominator is 0
        DocumentContext empty = ok("/api/topics/Politics/timeline?measure=share&collection=Empty"
                + "&from=2024-03-04&to=2024-03-05");
        assertThat(ints(empty, "$.buckets[*].allArticles")).containsExactly(0);
        assertShares(empty, 0);
    }

    @Test
    void independentCountsLeaveOutCopiesAndWireArticles() {
        // Politics: a4 (wire) and a6 (copy of a1) left out: 03-04 a1 a2, 03-05 a5
        DocumentContext politics = ok("/api/topics/Politics/timeline?independent=true&measure=share"
                + "&from=2024-03-04&to=2024-03-06");
        assertThat(ints(politics, "$.buckets[*].articles")).containsExactly(2, 1);
        assertThat(politics.<Map<String, Object>>read("$.independence"))
                .isEqualTo(Map.of("independent", true, "copies", 1, "wire", 1));
        // denominators without a4 and a6: 03-04 4, 03-05 2
        assertThat(ints(politics, "$.buckets[*].allArticles")).containsExactly(4, 2);
        assertThat(politics.<Map<String, Object>>read("$.allIndependence"))
                .isEqualTo(Map.of("independent", true, "copies", 1, "wire", 1));
        assertShares(politics, 0.5, 0.5);
        assertThat(politics.<Integer>read("$.totals.articles")).isEqualTo(3);
        // and with all articles again
        DocumentContext withCopies = ok("/api/topics/Politics/timeline?from=2024-03-04&to=2024-03-06");
        assertThat(ints(withCopies, "$.buckets[*].articles")).containsExactly(3, 2);
        // the story without its copy a6: one day, a1 a3 of the 4 independent articles of 03-04
        DocumentContext story = ok("/api/stories/shares-story/timeline?bucket=day&independent=true&measure=share");
        assertThat(story.<List<String>>read("$.buckets[*].start")).containsExactly("2024-03-04T00:00:00Z");
        assertThat(ints(story, "$.buckets[*].articles")).containsExactly(2);
        assertThat(ints(story, "$.buckets[*].allArticles")).containsExactly(4);
        assertThat(story.<Map<String, Object>>read("$.independence"))
                .isEqualTo(Map.of("independent", true, "copies", 1, "wire", 0));
        assertThat(story.<Integer>read("$.totals.articles")).isEqualTo(2);
        // the collection's wire article: a4 left out, counted as wire
        DocumentContext collection = ok("/api/collections/US national/timeline?independent=true");
        assertThat(ints(collection, "$.buckets[*].articles")).containsExactly(1, 2, 1);
        assertThat(collection.<Map<String, Object>>read("$.independence"))
                .isEqualTo(Map.of("independent", true, "copies", 0, "wire", 1));
        // the wire outlet alone: nothing left, an empty timeline saying why
        DocumentContext wire = ok("/api/providers/wire.example/timeline?independent=true");
        assertThat(wire.<List<Object>>read("$.buckets")).isEmpty();
        assertThat(wire.<Map<String, Object>>read("$.independence"))
                .isEqualTo(Map.of("independent", true, "copies", 0, "wire", 1));
    }

    @Test
    void rejectsABadMeasureOrBucketNamingIt() {
        problem(mvc.get().uri("/api/topics/Politics/timeline?measure=ratio").exchange(), "measure");
        problem(mvc.get().uri("/api/stories/shares-story/timeline?measure=shares").exchange(), "measure");
        problem(mvc.get().uri("/api/collections/US national/timeline?measure=percent").exchange(), "measure");
        problem(mvc.get().uri("/api/providers/wire.example/timeline?bucket=year").exchange(), "bucket");
        problem(mvc.get().uri("/api/collections/US national/timeline?bucket=fortnight").exchange(), "bucket");
        problem(mvc.get().uri("/api/topics/Politics/timeline?independent=maybe").exchange(), "independent");
        // 10,000 weeks is 191 years
        problem(mvc.get().uri("/api/topics/Politics/timeline?bucket=week&from=1900-01-01&to=2100-01-01").exchange(),
                "from");
    }

    @Test
    void anUnknownCollectionIsNotFound() {
        Map<String, String> details = Map.of(
                "/api/collections/Nope/timeline", "No collection with id 'Nope'",
                "/api/topics/Politics/timeline?collection=Nope", "No collection with id 'Nope'",
                "/api/providers/national.example/timeline?collection=Nope&measure=share",
                "No collection with id 'Nope'");
        details.forEach((uri, detail) -> assertThat(mvc.get().uri(uri)).hasStatus(HttpStatus.NOT_FOUND)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.detail").isEqualTo(detail));
        // collection names are exact
        assertThat(mvc.get().uri("/api/collections/us national/timeline")).hasStatus(HttpStatus.NOT_FOUND);
    }

    private static void assertShares(DocumentContext json, double... expected) {
        List<Number> shares = json.read("$.buckets[*].share");
        assertThat(shares).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(shares.get(i).doubleValue()).as("share of bucket %d", i).isCloseTo(expected[i], within(1e-9));
        }
    }

    private DocumentContext ok(String uri, Object... vars) {
        MvcTestResult result = mvc.get().uri(uri, vars).exchange();
        assertThat(result).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON);
        return JsonPath.parse(body(result));
    }

    private static DocumentContext problem(MvcTestResult result, String parameter) {
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DocumentContext json = JsonPath.parse(body(result));
        assertThat(json.<String>read("$.parameter")).isEqualTo(parameter);
        return json;
    }

    private static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Integer> ints(DocumentContext json, String path) {
        return json.read(path);
    }
}
