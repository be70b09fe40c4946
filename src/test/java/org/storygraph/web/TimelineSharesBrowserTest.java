package org.storygraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.test.context.ContextConfiguration;
import org.storygraph.GraphFixtures;
import org.storygraph.TestDatabase;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The explorer's counts/shares switch and week/month buckets (static/app.js story chart, static/views.js timelines)
 * in Debian's headless Chromium, on the seeds: switching to shares keeps the choice in the page URL and shows the
 * API's shares, which are checked against the seeds' articles per day counted with Cypher.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "storygraph.ingest.seeds.load-when-empty=false")
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimelineSharesBrowserTest {

    /** wbur.org's article of the police-protests story (2020-06-16T15:30Z; wpxi 23:27, thehill 06-17T11:00). */
    static final String HERE_AND_NOW = "https://wbur.org/hereandnow/2020/06/16/police-face-recognition-tech";

    @LocalServerPort
    int port;
    @Autowired
    GraphFixtures graph;
    @Autowired
    Neo4jClient client;

    private WebDriver browser;
    private ExplorerPage page;
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    void start() throws Exception {
        Chromium.assumeInstalled();
        graph.seeds();
        browser = Chromium.start();
        page = new ExplorerPage(browser, port);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void storyChartSwitchesToSharesAndKeepsTheChoiceInTheUrl() throws Exception {
        String story = storyOf(HERE_AND_NOW);
        page.open("#/story/" + story + "?bucket=day");
        assertThat(data("timeline-chart", "data-measure")).isEqualTo("count");
        assertThat(data("timeline-chart", "data-values")).isEqualTo("2 1");

        page.navigate(() -> browser.findElement(By.cssSelector("[data-testid=timeline-measure-switch] a[data-choice=shares]"))
                .click());
        assertThat(browser.getCurrentUrl()).endsWith("#/story/" + story + "?bucket=day&measure=share");
        assertThat(data("timeline-chart", "data-measure")).isEqualTo("share");
        // by hand: 2 of the story's articles on 06-16, 1 on 06-17, of all articles of those days
        long day16 = articlesOn("2020-06-16");
        long day17 = articlesOn("2020-06-17");
        assertThat(day16).isGreaterThanOrEqualTo(2);
        assertThat(data("timeline-chart", "data-values")).isEqualTo(percent(2.0 / day16) + " " + percent(1.0 / day17));
        JsonNode api = api("api/stories/" + story + "/timeline?bucket=day&measure=share");
        assertThat(api.get("buckets").get(0).get("allArticles").asLong()).isEqualTo(day16);
        assertThat(data("timeline-chart", "data-values")).isEqualTo(shares(api));

        // another bucket size keeps shares
        page.navigate(() -> browser.findElement(By.cssSelector("[data-testid=timeline-bucket-switch] a[data-choice=week]"))
                .click());
        assertThat(browser.getCurrentUrl()).endsWith("?bucket=week&measure=share");
        // 06-16 and 06-17 are in the week of Monday 06-15: 3 articles of that week's
        long week = articlesBetween("2020-06-15", "2020-06-22");
        assertThat(data("timeline-chart", "data-points")).isEqualTo("1");
        assertThat(data("timeline-chart", "data-values")).isEqualTo(percent(3.0 / week));
        assertThat(browser.findElements(By.cssSelector("[data-testid=timeline-chart] canvas"))).isNotEmpty();

        // and back to counts
        page.navigate(() -> browser.findElement(By.cssSelector("[data-testid=timeline-measure-switch] a[data-choice=counts]"))
                .click());
        assertThat(browser.getCurrentUrl()).endsWith("?bucket=week&measure=count");
        assertThat(data("timeline-chart", "data-values")).isEqualTo("3");
    }

    @Test
    void topicTimelineShowsSharesInItsTableAndChart() throws Exception {
        page.open("#/timelines?type=topic&name=AI");
        assertThat(data("activity-chart", "data-measure")).isEqualTo("count");
        assertThat(browser.findElements(By.cssSelector("[data-testid=activity-buckets] th")).stream()
                .map(WebElement::getText).toList()).doesNotContain("Share");

        WebElement form = browser.findElement(By.cssSelector("[data-testid=timeline-filters]"));
        new Select(form.findElement(By.name("measure"))).selectByValue("share");
        page.navigate(() -> form.findElement(By.cssSelector("button[type=submit]")).click());
        assertThat(browser.getCurrentUrl()).contains("measure=share").contains("bucket=day");
        assertThat(data("activity-chart", "data-measure")).isEqualTo("share");
        assertThat(browser.findElements(By.cssSelector("[data-testid=activity-buckets] th")).stream()
                .map(WebElement::getText).toList())
                .containsExactly("Start", "Articles", "All articles", "Share", "Stories", "New stories");
        // AI's articles (see TimelineApiTest): one on 06-11, 06-13 and 06-23, two on 06-15
        List<List<String>> expected = new ArrayList<>();
        for (String[] day : new String[][] {{"2020-06-11", "1"}, {"2020-06-13", "1"}, {"2020-06-15", "2"},
                {"2020-06-23", "1"}}) {
            long all = articlesOn(day[0]);
            expected.add(List.of(day[0] + "T00:00:00Z", day[1], String.valueOf(all),
                    percent(Double.parseDouble(day[1]) / all)));
        }
        assertThat(tableRows("activity-buckets").stream().map(r -> r.subList(0, 4)).toList()).isEqualTo(expected);

        // per month: June's AI articles of all June articles; the choice stays in the URL
        new Select(browser.findElement(By.cssSelector("[data-testid=timeline-filters]")).findElement(By.name("bucket")))
                .selectByValue("month");
        page.navigate(() -> browser.findElement(By.cssSelector("[data-testid=timeline-filters] button[type=submit]"))
                .click());
        assertThat(browser.getCurrentUrl()).contains("bucket=month").contains("measure=share");
        assertThat(new Select(browser.findElement(By.cssSelector("[data-testid=timeline-measure]")))
                .getFirstSelectedOption().getDomAttribute("value")).isEqualTo("share");
        long june = articlesBetween("2020-06-01", "2020-07-01");
        assertThat(tableRows("activity-buckets")).containsExactly(List.of("2020-06-01T00:00:00Z", "5",
                String.valueOf(june), percent(5.0 / june), "5", "5"));
        assertThat(data("activity-chart", "data-points")).isEqualTo("1");
    }

    private long articlesOn(String day) {
        return articlesBetween(day, LocalDate.parse(day).plusDays(1).toString());
    }

    private long articlesBetween(String from, String to) {
        return client.query("""
                MATCH (a:Article)
                WHERE a.publishedAt >= datetime($from) AND a.publishedAt < datetime($to) AND a.timeFlag IS NULL
                RETURN count(a)""").bind(from + "T00:00:00Z").to("from").bind(to + "T00:00:00Z").to("to")
                .fetchAs(Long.class).one().orElseThrow();
    }

    /** As the explorer shows a share: percent with one decimal. */
    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private static String shares(JsonNode timeline) {
        List<String> shares = new ArrayList<>();
        timeline.get("buckets").forEach(b -> shares.add(percent(b.get("share").asDouble())));
        return String.join(" ", shares);
    }

    private String storyOf(String url) {
        return client.query("MATCH (:Article {url: $u})-[:IN_STORY]->(s) RETURN s.id").bind(url).to("u")
                .fetchAs(String.class).one().orElseThrow();
    }

    private JsonNode api(String path) throws Exception {
        try (var http = HttpClient.newHttpClient()) {
            var response = http.send(HttpRequest.newBuilder(URI.create(page.base() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            return json.readTree(response.body());
        }
    }

    private String data(String testid, String attribute) {
        return browser.findElement(By.cssSelector("[data-testid=" + testid + "]")).getDomAttribute(attribute);
    }

    private List<List<String>> tableRows(String testid) {
        return browser.findElements(By.cssSelector("[data-testid=" + testid + "] tbody tr")).stream()
                .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()).toList();
    }
}
