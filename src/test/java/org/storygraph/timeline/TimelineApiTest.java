package org.storygraph.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
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
 * Timelines over the seeds. Times used below (UTC, from the seed files; the provider is the URL's domain):
 * <pre>
 * story "IBM/Amazon, 11 June" (businessinsider.com member):
 *   2020-06-11T09:53 businessinsider.com, 14:51 marketplace.org, 21:07 washingtonpost.com
 * story "Big Tech pause" (mic.com member), 10 articles, 10 providers:
 *   06-13T12:43 fastcompany.com, 06-13T14:41 cnn.com, 06-13T15:00 theguardian.com,
 *   06-15T16:59 fedscoop.com, 06-15T18:03 mic.com, 06-16T23:27 wpxi.com,
 *   06-17T11:00 thehill.com, 06-17T12:03 cnet.com, 06-17T13:12 techrepublic.com, 06-17T18:01 geekwire.com
 * story "Boston ban" (wbur.org/news member), 6 articles, 6 providers:
 *   06-22T16:21 livemint.com, 06-23T08:00 npr.org, 06-23T14:05 bbc.com, 06-23T14:21 telegraph.co.uk,
 *   06-23T23:39 wbur.org, 06-24T18:03 buzzfeednews.com
 * topic AI (only the five items with their own file have topics):
 *   06-11T14:51 marketplace, 06-13T14:41 cnn, 06-15T16:59 fedscoop, 06-15T18:03 mic, 06-23T08:00 npr
 * provider wbur.org: 06-16T15:30 (hereandnow, in the story beginning 06-16T06:20 with afr.com),
 *   06-23T23:39 (Boston ban)
 * </pre>
 * Berlin is UTC+02:00 in June. The memberships are checked with Cypher before the numbers are asserted.
 */
@StoryGraphTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimelineApiTest {

    static final String INSIDER = "https://businessinsider.com/aclu-calles-amazon-blanket-ban-rekognition-sales-2020-6";
    static final String MIC = "https://mic.com/p/amazon-is-banning-cops-from-using-its-facial-recognition-tech-for-one-year-22976063";
    static final String BOSTON = "https://wbur.org/news/2020/06/23/boston-facial-recognition-ban";
    static final String HERE_AND_NOW = "https://wbur.org/hereandnow/2020/06/16/police-face-recognition-tech";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    GraphFixtures graph;
    @Autowired
    Neo4jClient client;

    private String june11;
    private String bigTech;
    private String boston;

    @BeforeAll
    void seeds() {
        graph.seeds();
        june11 = storyOf(INSIDER);
        bigTech = storyOf(MIC);
        boston = storyOf(BOSTON);
    }

    @Test
    void storySpreadsHourByHourFromItsFirstToItsLastArticle() {
        assertThat(memberTimes(june11)).containsExactly("2020-06-11T09:53:00Z businessinsider.com",
                "2020-06-11T14:51:00Z marketplace.org", "2020-06-11T21:07:00Z washingtonpost.com");
        // default bucket=hour, UTC: 09:00 .. 21:00 = 21 - 9 + 1 = 13 buckets; articles at 09:53 (#0), 14:51 (#5),
        // 21:07 (#12), each from a new provider
        DocumentContext json = ok("/api/stories/{id}/timeline", june11);
        assertThat(json.<String>read("$.storyId")).isEqualTo(june11);
        assertThat(json.<String>read("$.bucket")).isEqualTo("hour");
        assertThat(json.<String>read("$.tz")).isEqualTo("UTC");
        assertThat(json.<String>read("$.from")).isEqualTo("2020-06-11T09:00:00Z");
        assertThat(json.<String>read("$.to")).isEqualTo("2020-06-11T22:00:00Z");
        assertThat(json.<String>read("$.firstPublishedAt")).isEqualTo("2020-06-11T09:53:00Z");
        assertThat(json.<String>read("$.lastPublishedAt")).isEqualTo("2020-06-11T21:07:00Z");
        assertThat(json.<Map<String, Object>>read("$.totals"))
                .isEqualTo(Map.of("articles", 3, "providers", 3, "ignoredArticles", 0));
        assertThat(json.<List<String>>read("$.buckets[*].start")).hasSize(13)
                .startsWith("2020-06-11T09:00:00Z", "2020-06-11T10:00:00Z").endsWith("2020-06-11T21:00:00Z");
        assertThat(json.<String>read("$.buckets[12].end")).isEqualTo("2020-06-11T22:00:00Z");
        assertThat(ints(json, "$.buckets[*].articles")).containsExactly(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1);
        assertThat(ints(json, "$.buckets[*].newProviders")).containsExactly(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1);
        assertThat(ints(json, "$.buckets[*].cumulativeArticles"))
                .containsExactly(1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 3);
        assertThat(ints(json, "$.buckets[*].cumulativeProviders"))
                .containsExactly(1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 3);

        // in Berlin (+02:00) the same hours are 11:00 .. 23:00 local, still 13 buckets on the 11th
        DocumentContext berlin = ok("/api/stories/{id}/timeline?tz=Europe/Berlin", june11);
        assertThat(berlin.<String>read("$.tz")).isEqualTo("Europe/Berlin");
        assertThat(berlin.<List<String>>read("$.buckets[*].start")).hasSize(13)
                .startsWith("2020-06-11T11:00:00+02:00").endsWith("2020-06-11T23:00:00+02:00");
        assertThat(ints(berlin, "$.buckets[*].articles")).isEqualTo(ints(json, "$.buckets[*].articles"));
    }

    @Test
    void storyInHoursCoversEveryHourBetweenFirstAndLastArticle() {
        List<Instant> times = memberTimes(boston).stream().map(s -> Instant.parse(s.substring(0, 20))).toList();
        Instant first = times.getFirst().truncatedTo(ChronoUnit.HOURS);
        Instant last = times.getLast().truncatedTo(ChronoUnit.HOURS);
        // 06-22T16:00 .. 06-24T18:00: 8 + 24 + 18 = 50 hours between, 51 buckets
        long expected = Duration.between(first, last).toHours() + 1;
        assertThat(expected).isEqualTo(51);
        DocumentContext json = ok("/api/stories/{id}/timeline?bucket=hour", boston);
        List<Integer> articles = ints(json, "$.buckets[*].articles");
        assertThat(articles).hasSize(51);
        // livemint #0, npr 23T08 #16, bbc + telegraph 23T14 #22, wbur 23T23 #31, buzzfeednews 24T18 #50
        List<Integer> byHand = new ArrayList<>(Collections.nCopies(51, 0));
        byHand.set(0, 1);
        byHand.set(16, 1);
        byHand.set(22, 2);
        byHand.set(31, 1);
        byHand.set(50, 1);
        assertThat(articles).isEqualTo(byHand);
        for (Instant t : times) {
            assertThat(articles.get((int) Duration.between(first, t.truncatedTo(ChronoUnit.HOURS)).toHours()))
                    .isPositive();
        }
        assertThat(articles.stream().mapToInt(Integer::intValue).sum()).isEqualTo(times.size());

        List<Integer> cumulative = ints(json, "$.buckets[*].cumulativeProviders");
        assertThat(cumulative).isSorted().startsWith(1);
        long providerCount = client.query("MATCH (s:Story {id: $id}) RETURN s.providerCount").bind(boston).to("id")
                .fetchAs(Long.class).one().orElseThrow();
        assertThat(cumulative.getLast()).isEqualTo((int) providerCount).isEqualTo(6);
        assertThat(ints(json, "$.buckets[*].cumulativeArticles").getLast()).isEqualTo(6);
        assertThat(ints(json, "$.buckets[*].newProviders").stream().mapToInt(Integer::intValue).sum()).isEqualTo(6);
    }

    @Test
    void storyInDaysIsGapFreeAndFollowsTheZonesMidnight() {
        assertThat(memberTimes(bigTech)).hasSize(10).first().isEqualTo("2020-06-13T12:43:00Z fastcompany.com");
        // UTC days 13..17 (5 buckets, the 14th empty): 3 on the 13th, 2 on the 15th, wpxi on the 16th, 4 on the 17th
        DocumentContext utc = ok("/api/stories/{id}/timeline?bucket=day", bigTech);
        assertThat(utc.<List<String>>read("$.buckets[*].start")).containsExactly("2020-06-13T00:00:00Z",
                "2020-06-14T00:00:00Z", "2020-06-15T00:00:00Z", "2020-06-16T00:00:00Z", "2020-06-17T00:00:00Z");
        assertThat(ints(utc, "$.buckets[*].articles")).containsExactly(3, 0, 2, 1, 4);
        assertThat(ints(utc, "$.buckets[*].cumulativeProviders")).containsExactly(3, 3, 5, 6, 10);
        // Berlin: wpxi's 06-16T23:27Z is 06-17T01:27+02:00, so the 16th is empty too and the 17th has 5
        DocumentContext berlin = ok("/api/stories/{id}/timeline?bucket=DAY&tz=Europe/Berlin", bigTech);
        assertThat(berlin.<List<String>>read("$.buckets[*].start")).containsExactly("2020-06-13T00:00:00+02:00",
                "2020-06-14T00:00:00+02:00", "2020-06-15T00:00:00+02:00", "2020-06-16T00:00:00+02:00",
                "2020-06-17T00:00:00+02:00");
        assertThat(berlin.<String>read("$.to")).isEqualTo("2020-06-18T00:00:00+02:00");
        assertThat(ints(berlin, "$.buckets[*].articles")).containsExactly(3, 0, 2, 0, 5);
        assertThat(ints(berlin, "$.buckets[*].cumulativeProviders")).containsExactly(3, 3, 5, 5, 10);

        // the Boston story: wbur's 06-23T23:39Z is on the 24th in Berlin, moving one article across midnight
        assertThat(ints(ok("/api/stories/{id}/timeline?bucket=day", boston), "$.buckets[*].articles"))
                .containsExactly(1, 4, 1);
        assertThat(ints(ok("/api/stories/{id}/timeline?bucket=day&tz=Europe/Berlin", boston),
                "$.buckets[*].articles")).containsExactly(1, 3, 2);
    }

    @Test
    void topicTimelineCountsArticlesStoriesAndNewStoriesPerDay() {
        // the AI articles' stories and where those stories begin (their first article, of any topic)
        assertThat(client.query("""
                MATCH (:Topic {name: 'AI'})<-[:TAGGED]-(a:Article)-[:IN_STORY]->(s:Story)
                RETURN s.id AS story, toString(s.firstPublishedAt) AS first, count(a) AS articles ORDER BY first
                """).fetch().all()).containsExactly(
                Map.of("story", june11, "first", "2020-06-11T09:53:00Z", "articles", 1L),
                Map.of("story", bigTech, "first", "2020-06-13T12:43:00Z", "articles", 3L),
                Map.of("story", boston, "first", "2020-06-22T16:21:00Z", "articles", 1L));
        // default bucket=day over the articles' extent 06-11 .. 06-23: 13 days
        DocumentContext json = ok("/api/topics/{name}/timeline", "AI");
        assertThat(json.<String>read("$.type")).isEqualTo("topic");
        assertThat(json.<String>read("$.name")).isEqualTo("AI");
        assertThat(json.<String>read("$.bucket")).isEqualTo("day");
        assertThat(json.<String>read("$.from")).isEqualTo("2020-06-11T00:00:00Z");
        assertThat(json.<String>read("$.to")).isEqualTo("2020-06-24T00:00:00Z");
        assertThat(json.<List<String>>read("$.buckets[*].start")).hasSize(13);
        // marketplace 11th, cnn 13th, fedscoop + mic 15th (one story), npr 23rd
        assertThat(ints(json, "$.buckets[*].articles")).containsExactly(1, 0, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 1);
        assertThat(ints(json, "$.buckets[*].stories")).containsExactly(1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1);
        // stories begin 11th, 13th and on the 22nd (livemint, not an AI article): a new story on a day without one
        assertThat(ints(json, "$.buckets[*].newStories")).containsExactly(1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0);
        assertThat(json.<Map<String, Object>>read("$.totals"))
                .isEqualTo(Map.of("articles", 5, "stories", 3, "newStories", 3));

        // hours: 06-11T14:00 .. 06-23T08:00 = 12 * 24 - 6 + 1 = 283 buckets; the 11 June story began at 09:53,
        // before the range, so only two stories are new in it
        DocumentContext hours = ok("/api/topics/{name}/timeline?bucket=hour", "AI");
        assertThat(ints(hours, "$.buckets[*].articles")).hasSize(283);
        assertThat(hours.<Map<String, Object>>read("$.totals"))
                .isEqualTo(Map.of("articles", 5, "stories", 3, "newStories", 2));
        assertThat(hours.<List<String>>read("$.buckets[?(@.newStories > 0)].start"))
                .containsExactly("2020-06-13T12:00:00Z", "2020-06-22T16:00:00Z");
    }

    @Test
    void topicTimelineTakesARangeWidenedToWholeBuckets() {
        DocumentContext json = ok("/api/topics/AI/timeline?from=2020-06-13&to=2020-06-16");
        assertThat(json.<List<String>>read("$.buckets[*].start"))
                .containsExactly("2020-06-13T00:00:00Z", "2020-06-14T00:00:00Z", "2020-06-15T00:00:00Z");
        assertThat(ints(json, "$.buckets[*].articles")).containsExactly(1, 0, 2);
        assertThat(ints(json, "$.buckets[*].stories")).containsExactly(1, 0, 1);
        assertThat(ints(json, "$.buckets[*].newStories")).containsExactly(1, 0, 0);
        // a date-time without zone is read in tz; 12:00 Berlin widens to Berlin's midnight; to=15T19:00 to the 16th
        DocumentContext berlin = ok("/api/topics/AI/timeline?from=2020-06-13T12:00&to=2020-06-15T19:00"
                + "&tz=Europe/Berlin");
        assertThat(berlin.<String>read("$.from")).isEqualTo("2020-06-13T00:00:00+02:00");
        assertThat(berlin.<String>read("$.to")).isEqualTo("2020-06-16T00:00:00+02:00");
        assertThat(ints(berlin, "$.buckets[*].articles")).containsExactly(1, 0, 2);
        // an explicit range is covered even where nothing was published
        DocumentContext empty = ok("/api/topics/AI/timeline?from=2021-01-01&to=2021-01-03");
        assertThat(empty.<List<String>>read("$.buckets[*].start"))
                .containsExactly("2021-01-01T00:00:00Z", "2021-01-02T00:00:00Z");
        assertThat(empty.<Map<String, Object>>read("$.totals"))
                .isEqualTo(Map.of("articles", 0, "stories", 0, "newStories", 0));
        // only one bound: the other is the articles' extent (npr on the 23rd is the last AI article)
        assertThat(ok("/api/topics/AI/timeline?from=2020-06-20").<List<String>>read("$.buckets[*].start"))
                .containsExactly("2020-06-20T00:00:00Z", "2020-06-21T00:00:00Z", "2020-06-22T00:00:00Z",
                        "2020-06-23T00:00:00Z");
    }

    @Test
    void dayBucketsLast23Or25HoursAcrossDstChanges() {
        // Berlin left summer time on 2020-10-25: that local day runs from +02:00 to +01:00, 25 hours
        DocumentContext days = ok("/api/topics/AI/timeline?from=2020-10-24&to=2020-10-27&tz=Europe/Berlin");
        assertThat(days.<List<String>>read("$.buckets[*].start")).containsExactly("2020-10-24T00:00:00+02:00",
                "2020-10-25T00:00:00+02:00", "2020-10-26T00:00:00+01:00");
        assertThat(days.<String>read("$.buckets[1].end")).isEqualTo("2020-10-26T00:00:00+01:00");
        assertThat(ints(days, "$.buckets[*].articles")).containsExactly(0, 0, 0);
        DocumentContext hours = ok("/api/topics/AI/timeline?bucket=hour&from=2020-10-25&to=2020-10-26"
                + "&tz=Europe/Berlin");
        assertThat(hours.<List<String>>read("$.buckets[*].start")).hasSize(25)
                .contains("2020-10-25T02:00:00+02:00", "2020-10-25T02:00:00+01:00");
        // and on 2020-03-29 it entered summer time: 23 hours, no 02:00
        assertThat(ok("/api/topics/AI/timeline?bucket=hour&from=2020-03-29&to=2020-03-30&tz=Europe/Berlin")
                .<List<String>>read("$.buckets[*].start")).hasSize(23)
                .noneMatch(s -> s.startsWith("2020-03-29T02:"));
    }

    @Test
    void providerTimelineCountsItsArticlesAndTheStoriesTheyJoined() {
        assertThat(storyFirst(HERE_AND_NOW)).isEqualTo("2020-06-16T06:20:00Z");
        assertThat(storyFirst(BOSTON)).isEqualTo("2020-06-22T16:21:00Z");
        // UTC days 16..23 (8): articles on the 16th and 23rd; stories new on the 16th (afr 06:20) and 22nd (livemint)
        DocumentContext utc = ok("/api/providers/{domain}/timeline", "wbur.org");
        assertThat(utc.<String>read("$.type")).isEqualTo("provider");
        assertThat(utc.<String>read("$.name")).isEqualTo("wbur.org");
        assertThat(ints(utc, "$.buckets[*].articles")).containsExactly(1, 0, 0, 0, 0, 0, 0, 1);
        assertThat(ints(utc, "$.buckets[*].stories")).containsExactly(1, 0, 0, 0, 0, 0, 0, 1);
        assertThat(ints(utc, "$.buckets[*].newStories")).containsExactly(1, 0, 0, 0, 0, 0, 1, 0);
        // Berlin: the Boston article (23:39Z) is on the 24th, so 9 days 16..24
        DocumentContext berlin = ok("/api/providers/{domain}/timeline?tz=Europe/Berlin", "WWW.WBUR.org");
        assertThat(berlin.<String>read("$.name")).isEqualTo("wbur.org");
        assertThat(berlin.<List<String>>read("$.buckets[*].start")).hasSize(9)
                .startsWith("2020-06-16T00:00:00+02:00").endsWith("2020-06-24T00:00:00+02:00");
        assertThat(ints(berlin, "$.buckets[*].articles")).containsExactly(1, 0, 0, 0, 0, 0, 0, 0, 1);
        assertThat(ints(berlin, "$.buckets[*].newStories")).containsExactly(1, 0, 0, 0, 0, 0, 1, 0, 0);
        assertThat(berlin.<Map<String, Object>>read("$.totals"))
                .isEqualTo(Map.of("articles", 2, "stories", 2, "newStories", 2));
        // mic.com's one article (06-15T18:03) joined a story that began on the 13th: one day, nothing new
        DocumentContext mic = ok("/api/providers/mic.com/timeline");
        assertThat(mic.<List<String>>read("$.buckets[*].start")).containsExactly("2020-06-15T00:00:00Z");
        assertThat(mic.<Map<String, Object>>read("$.totals"))
                .isEqualTo(Map.of("articles", 1, "stories", 1, "newStories", 0));
    }

    @Test
    void articlesWithoutAPlausibleTimeAreLeftOut() {
        try {
            // businessinsider flagged as implausible: the 11 June story now begins 14:51 with marketplace
            client.query("MATCH (a:Article {url: $url}) SET a.timeFlag = 'future'").bind(INSIDER).to("url").run();
            // AI articles: one flagged 1970 (it would stretch the hours to 1970: > 10,000 buckets), one without a
            // time, one at 2020-06-12T10:00Z in no story
            client.query("""
                    MATCH (t:Topic {name: 'AI'})
                    CREATE (:Article {id: 'timeline-test-1', url: 'https://example.org/timeline-test-1',
                                      publishedAt: datetime('1970-01-01T00:00:00Z'), timeFlag: 'before-1990'})
                               -[:TAGGED]->(t),
                           (:Article {id: 'timeline-test-2', url: 'https://example.org/timeline-test-2'})
                               -[:TAGGED]->(t),
                           (:Article {id: 'timeline-test-3', url: 'https://example.org/timeline-test-3',
                                      publishedAt: datetime('2020-06-12T10:00:00Z')})-[:TAGGED]->(t)
                    """).run();

            // 14:00 .. 21:00: 8 buckets, 2 articles, 2 providers, 1 ignored
            DocumentContext story = ok("/api/stories/{id}/timeline", june11);
            assertThat(story.<String>read("$.firstPublishedAt")).isEqualTo("2020-06-11T14:51:00Z");
            assertThat(story.<Map<String, Object>>read("$.totals"))
                    .isEqualTo(Map.of("articles", 2, "providers", 2, "ignoredArticles", 1));
            assertThat(ints(story, "$.buckets[*].articles")).containsExactly(1, 0, 0, 0, 0, 0, 0, 1);
            assertThat(ints(story, "$.buckets[*].cumulativeProviders")).containsExactly(1, 1, 1, 1, 1, 1, 1, 2);

            // AI by day: the unclustered article adds one article and no story on the 12th
            DocumentContext days = ok("/api/topics/AI/timeline");
            assertThat(days.<String>read("$.from")).isEqualTo("2020-06-11T00:00:00Z");
            assertThat(ints(days, "$.buckets[*].articles")).containsExactly(1, 1, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 1);
            assertThat(ints(days, "$.buckets[*].stories")).containsExactly(1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1);
            assertThat(days.<Map<String, Object>>read("$.totals"))
                    .isEqualTo(Map.of("articles", 6, "stories", 3, "newStories", 3));
            // AI by hour: the 11 June story's first plausible article is now marketplace's at 14:51, in the range
            DocumentContext hours = ok("/api/topics/AI/timeline?bucket=hour");
            assertThat(hours.<String>read("$.from")).isEqualTo("2020-06-11T14:00:00Z");
            assertThat(hours.<List<String>>read("$.buckets[?(@.newStories > 0)].start"))
                    .containsExactly("2020-06-11T14:00:00Z", "2020-06-13T12:00:00Z", "2020-06-22T16:00:00Z");
        } finally {
            client.query("MATCH (a:Article {url: $url}) REMOVE a.timeFlag").bind(INSIDER).to("url").run();
            client.query("MATCH (a:Article) WHERE a.id STARTS WITH 'timeline-test-' DETACH DELETE a").run();
        }
        assertThat(ok("/api/stories/{id}/timeline", june11).<String>read("$.firstPublishedAt"))
                .isEqualTo("2020-06-11T09:53:00Z");
    }

    @Test
    void rejectsBadParametersNamingThem() {
        problem(mvc.get().uri("/api/stories/{id}/timeline?bucket=week", june11).exchange(), "bucket");
        problem(mvc.get().uri("/api/topics/AI/timeline?bucket=minute").exchange(), "bucket");
        problem(mvc.get().uri("/api/stories/{id}/timeline?tz=Mars/Olympus_Mons", june11).exchange(), "tz");
        problem(mvc.get().uri("/api/providers/wbur.org/timeline?tz=CEST").exchange(), "tz");
        problem(mvc.get().uri("/api/topics/AI/timeline?from=2020-06-16&to=2020-06-13").exchange(), "from");
        problem(mvc.get().uri("/api/providers/wbur.org/timeline?from=2020-06-16&to=2020-06-16").exchange(), "from");
        problem(mvc.get().uri("/api/topics/AI/timeline?from=yesterday").exchange(), "from");
        problem(mvc.get().uri("/api/topics/AI/timeline?to=2020-13-01").exchange(), "to");
        // 2019-01-01 .. 2021-01-01 is 731 days: fine by day, 17,544 hours is too many
        assertThat(mvc.get().uri("/api/topics/AI/timeline?from=2019-01-01&to=2021-01-01"))
                .hasStatusOk().bodyJson().extractingPath("$.buckets.length()").isEqualTo(731);
        var tooMany = problem(mvc.get().uri("/api/topics/AI/timeline?bucket=hour&from=2019-01-01&to=2021-01-01")
                .exchange(), "from");
        assertThat(tooMany.<String>read("$.detail")).contains("10000");
        // 10,958 days
        problem(mvc.get().uri("/api/providers/wbur.org/timeline?from=2000-01-01&to=2030-01-01").exchange(), "from");
    }

    @Test
    void unknownStoryTopicOrProviderIsNotFound() {
        Map<String, String> details = Map.of(
                "/api/stories/nope/timeline", "No story with id 'nope'",
                "/api/topics/No Such Topic/timeline?bucket=hour", "No topic with id 'No Such Topic'",
                "/api/providers/nope.example/timeline?from=2020-06-01", "No provider with id 'nope.example'");
        details.forEach((uri, detail) -> assertThat(mvc.get().uri(uri)).hasStatus(HttpStatus.NOT_FOUND)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.detail").isEqualTo(detail));
        // topic names are exact, as in the other topic filters
        assertThat(mvc.get().uri("/api/topics/ai/timeline")).hasStatus(HttpStatus.NOT_FOUND);
    }

    private String storyOf(String url) {
        return client.query("MATCH (:Article {url: $u})-[:IN_STORY]->(s) RETURN s.id").bind(url).to("u")
                .fetchAs(String.class).one().orElseThrow();
    }

    private String storyFirst(String url) {
        return client.query("MATCH (:Article {url: $u})-[:IN_STORY]->(s) RETURN toString(s.firstPublishedAt)")
                .bind(url).to("u").fetchAs(String.class).one().orElseThrow();
    }

    /** "time provider" of the story's members in time order, e.g. "2020-06-11T09:53:00Z businessinsider.com". */
    private List<String> memberTimes(String story) {
        return List.copyOf(client.query("""
                MATCH (a:Article)-[:IN_STORY]->(:Story {id: $id}), (a)-[:PUBLISHED_BY]->(p:Provider)
                RETURN a.publishedAt AS t, p.domain AS provider ORDER BY a.publishedAt
                """).bind(story).to("id").fetchAs(String.class)
                .mappedBy((types, r) -> r.get("t").asOffsetDateTime().toInstant() + " " + r.get("provider").asString())
                .all());
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
