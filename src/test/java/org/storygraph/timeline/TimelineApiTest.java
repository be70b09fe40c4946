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
 * story "protests" (wbur.org/hereandnow member), 3 articles, 3 providers:
 *   2020-06-16T15:30 wbur.org, 06-16T23:27 wpxi.com, 06-17T11:00 thehill.com
 * story "IBM" (marketplace.org member): 06-11T14:51 marketplace.org, 06-11T21:07 washingtonpost.com
 * story "bans" (cnn.com member): 06-13T12:43 fastcompany.com, 06-13T14:41 cnn.com
 * story "Boston ban" (wbur.org/news member): 06-23T23:39 wbur.org, 06-24T18:03 buzzfeednews.com
 * (and 06-16T16:30 bizjournals.com + 06-17T18:01 geekwire.com, 06-23T14:05 bbc.com + 14:21 telegraph.co.uk);
 * every other article, businessinsider's and mic's among them, is a story of its own: 21 stories, 27 articles
 * topic AI (only the five items with their own file have topics), each in a different story:
 *   06-11T14:51 marketplace (IBM), 06-13T14:41 cnn (bans, which fastcompany began at 12:43),
 *   06-15T16:59 fedscoop, 06-15T18:03 mic, 06-23T08:00 npr (the last three stories of their own)
 * provider wbur.org: 06-16T15:30 (hereandnow, first of the protests story), 06-23T23:39 (first of Boston ban)
 * </pre>
 * Berlin is UTC+02:00 in June. The memberships are checked with Cypher before the numbers are asserted.
 */
@StoryGraphTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimelineApiTest {

    static final String MIC = "https://mic.com/p/amazon-is-banning-cops-from-using-its-facial-recognition-tech-for-one-year-22976063";
    static final String BOSTON = "https://wbur.org/news/2020/06/23/boston-facial-recognition-ban";
    static final String HERE_AND_NOW = "https://wbur.org/hereandnow/2020/06/16/police-face-recognition-tech";
    static final String MARKETPLACE = "https://marketplace.org/2020/06/11/facial-recognition-technology-police-departments";
    static final String CNN = "https://cnn.com/2020/06/13/tech/facial-recognition-policy/index.html";
    static final String FASTCOMPANY = "https://fastcompany.com/90516450/ibm-microsoft-and-amazons-face-recognition-bans-dont-go-far-enough";
    static final String FEDSCOOP = "https://fedscoop.com/facial-recognition-federal-law-enforcement";
    static final String NPR = "https://npr.org/2020/06/22/881845711/tech-companies-are-limiting-police-use-of-facial-recognition-heres-why";

    @Autowired
    MockMvcTester mvc;
    @Autowired
    GraphFixtures graph;
    @Autowired
    Neo4jClient client;

    private String protests;
    private String boston;

    @BeforeAll
    void seeds() {
        graph.seeds();
        protests = storyOf(HERE_AND_NOW);
        boston = storyOf(BOSTON);
    }

    @Test
    void storySpreadsHourByHourFromItsFirstToItsLastArticle() {
        assertThat(memberTimes(protests)).containsExactly("2020-06-16T15:30:00Z wbur.org",
                "2020-06-16T23:27:00Z wpxi.com", "2020-06-17T11:00:00Z thehill.com");
        // default bucket=hour, UTC: 06-16T15:00 .. 06-17T11:00 = 9 hours on the 16th (15..23) + 12 on the 17th
        // (00..11) = 21 buckets, across midnight; articles at 15:30 (#0), 23:27 (#8), 17th 11:00 (#9 + 11 = #20),
        // each from a new provider
        DocumentContext json = ok("/api/stories/{id}/timeline", protests);
        assertThat(json.<String>read("$.storyId")).isEqualTo(protests);
        assertThat(json.<String>read("$.bucket")).isEqualTo("hour");
        assertThat(json.<String>read("$.tz")).isEqualTo("UTC");
        assertThat(json.<String>read("$.from")).isEqualTo("2020-06-16T15:00:00Z");
        assertThat(json.<String>read("$.to")).isEqualTo("2020-06-17T12:00:00Z");
        assertThat(json.<String>read("$.firstPublishedAt")).isEqualTo("2020-06-16T15:30:00Z");
        assertThat(json.<String>read("$.lastPublishedAt")).isEqualTo("2020-06-17T11:00:00Z");
        assertThat(json.<Map<String, Object>>read("$.totals"))
                .isEqualTo(Map.of("articles", 3, "providers", 3, "ignoredArticles", 0));
        assertThat(json.<List<String>>read("$.buckets[*].start")).hasSize(21)
                .startsWith("2020-06-16T15:00:00Z", "2020-06-16T16:00:00Z")
                .contains("2020-06-16T23:00:00Z", "2020-06-17T00:00:00Z").endsWith("2020-06-17T11:00:00Z");
        assertThat(json.<String>read("$.buckets[8].end")).isEqualTo("2020-06-17T00:00:00Z");
        assertThat(json.<String>read("$.buckets[20].end")).isEqualTo("2020-06-17T12:00:00Z");
        List<Integer> atArticles = new ArrayList<>(Collections.nCopies(21, 0));
        atArticles.set(0, 1);
        atArticles.set(8, 1);
        atArticles.set(20, 1);
        assertThat(ints(json, "$.buckets[*].articles")).isEqualTo(atArticles);
        assertThat(ints(json, "$.buckets[*].newProviders")).isEqualTo(atArticles);
        // 1 in #0..#7 (8 buckets), 2 in #8..#19 (12), 3 in #20
        List<Integer> cumulative = new ArrayList<>(Collections.nCopies(8, 1));
        cumulative.addAll(Collections.nCopies(12, 2));
        cumulative.add(3);
        assertThat(ints(json, "$.buckets[*].cumulativeArticles")).isEqualTo(cumulative);
        assertThat(ints(json, "$.buckets[*].cumulativeProviders")).isEqualTo(cumulative);

        // in Berlin (+02:00) the same hours are 06-16T17:00 .. 06-17T13:00 local, still 21 buckets
        DocumentContext berlin = ok("/api/stories/{id}/timeline?tz=Europe/Berlin", protests);
        assertThat(berlin.<String>read("$.tz")).isEqualTo("Europe/Berlin");
        assertThat(berlin.<String>read("$.from")).isEqualTo("2020-06-16T17:00:00+02:00");
        assertThat(berlin.<String>read("$.to")).isEqualTo("2020-06-17T14:00:00+02:00");
        assertThat(berlin.<List<String>>read("$.buckets[*].start")).hasSize(21)
                .startsWith("2020-06-16T17:00:00+02:00").endsWith("2020-06-17T13:00:00+02:00");
        assertThat(ints(berlin, "$.buckets[*].articles")).isEqualTo(ints(json, "$.buckets[*].articles"));
    }

    @Test
    void storyInHoursCoversEveryHourBetweenFirstAndLastArticle() {
        List<Instant> times = memberTimes(boston).stream().map(s -> Instant.parse(s.substring(0, 20))).toList();
        Instant first = times.getFirst().truncatedTo(ChronoUnit.HOURS);
        Instant last = times.getLast().truncatedTo(ChronoUnit.HOURS);
        assertThat(memberTimes(boston)).containsExactly("2020-06-23T23:39:00Z wbur.org",
                "2020-06-24T18:03:00Z buzzfeednews.com");
        // 06-23T23:00 .. 06-24T18:00: 1 + 18 = 19 hours between, 20 buckets, all but the first on the next day
        long expected = Duration.between(first, last).toHours() + 1;
        assertThat(expected).isEqualTo(20);
        DocumentContext json = ok("/api/stories/{id}/timeline?bucket=hour", boston);
        assertThat(json.<List<String>>read("$.buckets[*].start")).hasSize(20)
                .startsWith("2020-06-23T23:00:00Z", "2020-06-24T00:00:00Z").endsWith("2020-06-24T18:00:00Z");
        List<Integer> articles = ints(json, "$.buckets[*].articles");
        assertThat(articles).hasSize(20);
        // wbur 23T23 #0, buzzfeednews 24T18 #19 (1 + 18), the 18 hours between them empty
        List<Integer> byHand = new ArrayList<>(Collections.nCopies(20, 0));
        byHand.set(0, 1);
        byHand.set(19, 1);
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
        assertThat(cumulative.getLast()).isEqualTo((int) providerCount).isEqualTo(2);
        List<Integer> oneThenTwo = new ArrayList<>(Collections.nCopies(19, 1));
        oneThenTwo.add(2);
        assertThat(cumulative).isEqualTo(oneThenTwo);
        assertThat(ints(json, "$.buckets[*].cumulativeArticles").getLast()).isEqualTo(2);
        assertThat(ints(json, "$.buckets[*].newProviders").stream().mapToInt(Integer::intValue).sum()).isEqualTo(2);
    }

    @Test
    void storyInDaysIsGapFreeAndFollowsTheZonesMidnight() {
        assertThat(memberTimes(protests)).hasSize(3).first().isEqualTo("2020-06-16T15:30:00Z wbur.org");
        // UTC days 16..17 (2 buckets): wbur and wpxi (23:27) on the 16th, thehill on the 17th. No seed story spans
        // a day without articles any more (none is longer than two days), so the gap-free range is shown by the
        // hour buckets above and by the topic and provider timelines below; here the zone's midnight is the point
        DocumentContext utc = ok("/api/stories/{id}/timeline?bucket=day", protests);
        assertThat(utc.<List<String>>read("$.buckets[*].start")).containsExactly("2020-06-16T00:00:00Z",
                "2020-06-17T00:00:00Z");
        assertThat(utc.<String>read("$.to")).isEqualTo("2020-06-18T00:00:00Z");
        assertThat(ints(utc, "$.buckets[*].articles")).containsExactly(2, 1);
        assertThat(ints(utc, "$.buckets[*].cumulativeProviders")).containsExactly(2, 3);
        // Berlin: wpxi's 06-16T23:27Z is 06-17T01:27+02:00, so the 16th has 1 and the 17th has 2
        DocumentContext berlin = ok("/api/stories/{id}/timeline?bucket=DAY&tz=Europe/Berlin", protests);
        assertThat(berlin.<List<String>>read("$.buckets[*].start")).containsExactly("2020-06-16T00:00:00+02:00",
                "2020-06-17T00:00:00+02:00");
        assertThat(berlin.<String>read("$.to")).isEqualTo("2020-06-18T00:00:00+02:00");
        assertThat(ints(berlin, "$.buckets[*].articles")).containsExactly(1, 2);
        assertThat(ints(berlin, "$.buckets[*].cumulativeProviders")).containsExactly(1, 3);

        // the Boston story: wbur's 06-23T23:39Z is on the 24th in Berlin, moving one article across midnight, so
        // its two UTC days become one Berlin day
        DocumentContext bostonUtc = ok("/api/stories/{id}/timeline?bucket=day", boston);
        assertThat(bostonUtc.<List<String>>read("$.buckets[*].start")).containsExactly("2020-06-23T00:00:00Z",
                "2020-06-24T00:00:00Z");
        assertThat(ints(bostonUtc, "$.buckets[*].articles")).containsExactly(1, 1);
        DocumentContext bostonBerlin = ok("/api/stories/{id}/timeline?bucket=day&tz=Europe/Berlin", boston);
        assertThat(bostonBerlin.<List<String>>read("$.buckets[*].start"))
                .containsExactly("2020-06-24T00:00:00+02:00");
        assertThat(ints(bostonBerlin, "$.buckets[*].articles")).containsExactly(2);
        assertThat(ints(bostonBerlin, "$.buckets[*].cumulativeProviders")).containsExactly(2);
    }

    @Test
    void topicTimelineCountsArticlesStoriesAndNewStoriesPerDay() {
        // the AI articles' stories and where those stories begin (their first article, of any topic): five
        // stories, and only the cnn story began with an article of another topic (fastcompany, two hours earlier)
        assertThat(client.query("""
                MATCH (:Topic {name: 'AI'})<-[:TAGGED]-(a:Article)-[:IN_STORY]->(s:Story)
                RETURN s.id AS story, toString(s.firstPublishedAt) AS first, count(a) AS articles ORDER BY first
                """).fetch().all()).containsExactly(
                Map.of("story", storyOf(MARKETPLACE), "first", "2020-06-11T14:51:00Z", "articles", 1L),
                Map.of("story", storyOf(CNN), "first", "2020-06-13T12:43:00Z", "articles", 1L),
                Map.of("story", storyOf(FEDSCOOP), "first", "2020-06-15T16:59:00Z", "articles", 1L),
                Map.of("story", storyOf(MIC), "first", "2020-06-15T18:03:00Z", "articles", 1L),
                Map.of("story", storyOf(NPR), "first", "2020-06-23T08:00:00Z", "articles", 1L));
        assertThat(storyOf(CNN)).isEqualTo(storyOf(FASTCOMPANY));
        // default bucket=day over the articles' extent 06-11 .. 06-23: 13 days
        DocumentContext json = ok("/api/topics/{name}/timeline", "AI");
        assertThat(json.<String>read("$.type")).isEqualTo("topic");
        assertThat(json.<String>read("$.name")).isEqualTo("AI");
        assertThat(json.<String>read("$.bucket")).isEqualTo("day");
        assertThat(json.<String>read("$.from")).isEqualTo("2020-06-11T00:00:00Z");
        assertThat(json.<String>read("$.to")).isEqualTo("2020-06-24T00:00:00Z");
        assertThat(json.<List<String>>read("$.buckets[*].start")).hasSize(13);
        // marketplace 11th, cnn 13th, fedscoop + mic 15th (two stories), npr 23rd; the empty days are there too
        assertThat(ints(json, "$.buckets[*].articles")).containsExactly(1, 0, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 1);
        assertThat(ints(json, "$.buckets[*].stories")).containsExactly(1, 0, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 1);
        // every story begins on the day of its AI article (the cnn story at 12:43 with fastcompany, same day)
        assertThat(ints(json, "$.buckets[*].newStories")).containsExactly(1, 0, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 1);
        assertThat(json.<Map<String, Object>>read("$.totals"))
                .isEqualTo(Map.of("articles", 5, "stories", 5, "newStories", 5));

        // hours: 06-11T14:00 .. 06-23T08:00 = 12 * 24 - 6 + 1 = 283 buckets; the cnn story is new where
        // fastcompany began it, 06-13T12:00 (#46), an hour without an AI article, two buckets before cnn's (#48)
        DocumentContext hours = ok("/api/topics/{name}/timeline?bucket=hour", "AI");
        assertThat(ints(hours, "$.buckets[*].articles")).hasSize(283);
        assertThat(hours.<Map<String, Object>>read("$.totals"))
                .isEqualTo(Map.of("articles", 5, "stories", 5, "newStories", 5));
        assertThat(hours.<List<String>>read("$.buckets[?(@.newStories > 0)].start")).containsExactly(
                "2020-06-11T14:00:00Z", "2020-06-13T12:00:00Z", "2020-06-15T16:00:00Z", "2020-06-15T18:00:00Z",
                "2020-06-23T08:00:00Z");
        assertThat(hours.<String>read("$.buckets[46].start")).isEqualTo("2020-06-13T12:00:00Z");
        assertThat(hours.<Map<String, Object>>read("$.buckets[46]")).containsEntry("articles", 0)
                .containsEntry("stories", 0).containsEntry("newStories", 1);
        assertThat(hours.<Map<String, Object>>read("$.buckets[48]")).containsEntry("start", "2020-06-13T14:00:00Z")
                .containsEntry("articles", 1).containsEntry("stories", 1).containsEntry("newStories", 0);

        // a story that began before the range is not new in it: 13:00 .. 15:00 holds cnn's article (14:41) but
        // not the story's start (12:43); from 12:00 on it does
        DocumentContext late = ok("/api/topics/AI/timeline?bucket=hour&from=2020-06-13T13:00&to=2020-06-13T15:00");
        assertThat(ints(late, "$.buckets[*].articles")).containsExactly(0, 1);
        assertThat(ints(late, "$.buckets[*].newStories")).containsExactly(0, 0);
        assertThat(late.<Map<String, Object>>read("$.totals"))
                .isEqualTo(Map.of("articles", 1, "stories", 1, "newStories", 0));
        DocumentContext early = ok("/api/topics/AI/timeline?bucket=hour&from=2020-06-13T12:00&to=2020-06-13T15:00");
        assertThat(ints(early, "$.buckets[*].articles")).containsExactly(0, 0, 1);
        assertThat(ints(early, "$.buckets[*].newStories")).containsExactly(1, 0, 0);
        assertThat(early.<Map<String, Object>>read("$.totals"))
                .isEqualTo(Map.of("articles", 1, "stories", 1, "newStories", 1));
    }

    @Test
    void topicTimelineTakesARangeWidenedToWholeBuckets() {
        DocumentContext json = ok("/api/topics/AI/timeline?from=2020-06-13&to=2020-06-16");
        assertThat(json.<List<String>>read("$.buckets[*].start"))
                .containsExactly("2020-06-13T00:00:00Z", "2020-06-14T00:00:00Z", "2020-06-15T00:00:00Z");
        assertThat(ints(json, "$.buckets[*].articles")).containsExactly(1, 0, 2);
        // fedscoop and mic are stories of their own, both begun on the 15th (no seed topic or provider has two
        // articles in one story any more, so a bucket's stories never fall below its articles here)
        assertThat(ints(json, "$.buckets[*].stories")).containsExactly(1, 0, 2);
        assertThat(ints(json, "$.buckets[*].newStories")).containsExactly(1, 0, 2);
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
        assertThat(storyFirst(HERE_AND_NOW)).isEqualTo("2020-06-16T15:30:00Z");
        assertThat(storyFirst(BOSTON)).isEqualTo("2020-06-23T23:39:00Z");
        // UTC days 16..23 (8, six of them empty): articles on the 16th and 23rd, each the first of its story
        DocumentContext utc = ok("/api/providers/{domain}/timeline", "wbur.org");
        assertThat(utc.<String>read("$.type")).isEqualTo("provider");
        assertThat(utc.<String>read("$.name")).isEqualTo("wbur.org");
        assertThat(utc.<List<String>>read("$.buckets[*].start")).hasSize(8)
                .startsWith("2020-06-16T00:00:00Z").endsWith("2020-06-23T00:00:00Z");
        assertThat(ints(utc, "$.buckets[*].articles")).containsExactly(1, 0, 0, 0, 0, 0, 0, 1);
        assertThat(ints(utc, "$.buckets[*].stories")).containsExactly(1, 0, 0, 0, 0, 0, 0, 1);
        assertThat(ints(utc, "$.buckets[*].newStories")).containsExactly(1, 0, 0, 0, 0, 0, 0, 1);
        // Berlin: the Boston article (23:39Z) is on the 24th, and its story with it, so 9 days 16..24
        DocumentContext berlin = ok("/api/providers/{domain}/timeline?tz=Europe/Berlin", "WWW.WBUR.org");
        assertThat(berlin.<String>read("$.name")).isEqualTo("wbur.org");
        assertThat(berlin.<List<String>>read("$.buckets[*].start")).hasSize(9)
                .startsWith("2020-06-16T00:00:00+02:00").endsWith("2020-06-24T00:00:00+02:00");
        assertThat(ints(berlin, "$.buckets[*].articles")).containsExactly(1, 0, 0, 0, 0, 0, 0, 0, 1);
        assertThat(ints(berlin, "$.buckets[*].newStories")).containsExactly(1, 0, 0, 0, 0, 0, 0, 0, 1);
        assertThat(berlin.<Map<String, Object>>read("$.totals"))
                .isEqualTo(Map.of("articles", 2, "stories", 2, "newStories", 2));
        // thehill.com's one article (06-17T11:00) joined the protests story that wbur began on the 16th: one day,
        // nothing new
        DocumentContext hill = ok("/api/providers/thehill.com/timeline");
        assertThat(hill.<List<String>>read("$.buckets[*].start")).containsExactly("2020-06-17T00:00:00Z");
        assertThat(hill.<Map<String, Object>>read("$.totals"))
                .isEqualTo(Map.of("articles", 1, "stories", 1, "newStories", 0));
        // from the 16th on, that story is new on the 16th, a day without an article of thehill.com
        DocumentContext hillFrom16 = ok("/api/providers/thehill.com/timeline?from=2020-06-16");
        assertThat(hillFrom16.<List<String>>read("$.buckets[*].start"))
                .containsExactly("2020-06-16T00:00:00Z", "2020-06-17T00:00:00Z");
        assertThat(ints(hillFrom16, "$.buckets[*].articles")).containsExactly(0, 1);
        assertThat(ints(hillFrom16, "$.buckets[*].stories")).containsExactly(0, 1);
        assertThat(ints(hillFrom16, "$.buckets[*].newStories")).containsExactly(1, 0);
        assertThat(hillFrom16.<Map<String, Object>>read("$.totals"))
                .isEqualTo(Map.of("articles", 1, "stories", 1, "newStories", 1));
        // mic.com's one article (06-15T18:03) is now a story of its own: one day, new on it
        DocumentContext mic = ok("/api/providers/mic.com/timeline");
        assertThat(mic.<List<String>>read("$.buckets[*].start")).containsExactly("2020-06-15T00:00:00Z");
        assertThat(mic.<Map<String, Object>>read("$.totals"))
                .isEqualTo(Map.of("articles", 1, "stories", 1, "newStories", 1));
    }

    @Test
    void articlesWithoutAPlausibleTimeAreLeftOut() {
        try {
            // wbur's hereandnow flagged as implausible: the protests story now begins 06-16T23:27 with wpxi; and
            // fastcompany flagged: the cnn story now begins with cnn's AI article at 14:41
            client.query("MATCH (a:Article) WHERE a.url IN $urls SET a.timeFlag = 'future'")
                    .bind(List.of(HERE_AND_NOW, FASTCOMPANY)).to("urls").run();
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

            // 06-16T23:00 .. 06-17T11:00: 1 + 12 = 13 buckets, 2 articles (#0, #12), 2 providers, 1 ignored
            DocumentContext story = ok("/api/stories/{id}/timeline", protests);
            assertThat(story.<String>read("$.firstPublishedAt")).isEqualTo("2020-06-16T23:27:00Z");
            assertThat(story.<String>read("$.from")).isEqualTo("2020-06-16T23:00:00Z");
            assertThat(story.<Map<String, Object>>read("$.totals"))
                    .isEqualTo(Map.of("articles", 2, "providers", 2, "ignoredArticles", 1));
            assertThat(ints(story, "$.buckets[*].articles"))
                    .containsExactly(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
            assertThat(ints(story, "$.buckets[*].cumulativeProviders"))
                    .containsExactly(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2);

            // AI by day: the unclustered article adds one article and no story on the 12th
            DocumentContext days = ok("/api/topics/AI/timeline");
            assertThat(days.<String>read("$.from")).isEqualTo("2020-06-11T00:00:00Z");
            assertThat(ints(days, "$.buckets[*].articles")).containsExactly(1, 1, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 1);
            assertThat(ints(days, "$.buckets[*].stories")).containsExactly(1, 0, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 1);
            assertThat(ints(days, "$.buckets[*].newStories")).containsExactly(1, 0, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 1);
            assertThat(days.<Map<String, Object>>read("$.totals"))
                    .isEqualTo(Map.of("articles", 6, "stories", 5, "newStories", 5));
            // AI by hour: the cnn story's first plausible article is now cnn's at 14:41, no longer fastcompany's
            DocumentContext hours = ok("/api/topics/AI/timeline?bucket=hour");
            assertThat(hours.<String>read("$.from")).isEqualTo("2020-06-11T14:00:00Z");
            assertThat(hours.<List<String>>read("$.buckets[?(@.newStories > 0)].start")).containsExactly(
                    "2020-06-11T14:00:00Z", "2020-06-13T14:00:00Z", "2020-06-15T16:00:00Z", "2020-06-15T18:00:00Z",
                    "2020-06-23T08:00:00Z");
        } finally {
            client.query("MATCH (a:Article) WHERE a.url IN $urls REMOVE a.timeFlag")
                    .bind(List.of(HERE_AND_NOW, FASTCOMPANY)).to("urls").run();
            client.query("MATCH (a:Article) WHERE a.id STARTS WITH 'timeline-test-' DETACH DELETE a").run();
        }
        assertThat(ok("/api/stories/{id}/timeline", protests).<String>read("$.firstPublishedAt"))
                .isEqualTo("2020-06-16T15:30:00Z");
        assertThat(ok("/api/topics/AI/timeline?bucket=hour").<List<String>>read(
                "$.buckets[?(@.newStories > 0)].start")).contains("2020-06-13T12:00:00Z");
    }

    @Test
    void rejectsBadParametersNamingThem() {
        problem(mvc.get().uri("/api/stories/{id}/timeline?bucket=fortnight", protests).exchange(), "bucket");
        problem(mvc.get().uri("/api/topics/AI/timeline?bucket=minute").exchange(), "bucket");
        problem(mvc.get().uri("/api/stories/{id}/timeline?tz=Mars/Olympus_Mons", protests).exchange(), "tz");
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
