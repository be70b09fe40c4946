package org.storygraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.storygraph.GraphFixtures;
import org.storygraph.TestDatabase;
import org.storygraph.ingest.IngestService;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The explorer's lead/lag network and topic/provider timelines (static/views.js) in Debian's headless Chromium, on
 * the seeds: the network shows the outlets and links the API returns, the min-shared filter drops links, and the
 * timelines show the API's buckets. The views expose their counts as data attributes and tables, so nothing here
 * reads canvas pixels. Screenshots go to target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "storygraph.ingest.seeds.load-when-empty=false")
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplorerViewsBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    GraphFixtures graph;
    @Autowired
    IngestService ingest;

    private WebDriver browser;
    private ExplorerPage page;
    private WebDriverWait wait;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Path screenshots = Path.of("target", "screenshots");

    /**
     * A second story shared by the three outlets of the seeds' police-protests story, so that some pairs share two
     * stories: wbur.org 10:00, wpxi.com 13:00 (180 min later), thehill.com 15:00 (300 and 120 min later).
     */
    static final List<String[]> SECOND_STORY = List.of(
            new String[] {"wbur.org", "WBUR", "2021-03-01T10:00:00Z",
                    "Harbor city council votes to ban police drones over Riverside protests"},
            new String[] {"wpxi.com", "WPXI", "2021-03-01T13:00:00Z",
                    "Harbor city council votes to ban police drones after Riverside protests"},
            new String[] {"thehill.com", "The Hill", "2021-03-01T15:00:00Z",
                    "Harbor city council bans police drones over Riverside protests"});

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        Chromium.assumeInstalled();
        graph.seeds();
        for (String[] a : SECOND_STORY) {
            Files.writeString(dir.resolve(a[0] + ".txt"), """
                    ---
                    title: "%s"
                    excerpt: "The Harbor city council voted 7 to 2 on Monday to ban police use of drones at protests, \
                    after drone footage of Riverside marchers was used to identify them."
                    webUrl: "https://%s/news/2021/03/01/harbor-police-drones"
                    publishedDateTime: %s
                    provider:
                      name: %s
                      domain: %s
                    ---
                    """.formatted(a[3], a[0], a[2], a[1], a[0]));
        }
        ingest.load(List.of(dir));
        assertThat(graph.count("""
                MATCH (a:Article)-[:IN_STORY]->(s:Story) WHERE a.url ENDS WITH '/news/2021/03/01/harbor-police-drones'
                RETURN count(DISTINCT s) * 10 + count(a)""")).as("the three articles form one story").isEqualTo(13);
        Files.createDirectories(screenshots);
        browser = Chromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        page = new ExplorerPage(browser, port);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void submitted(WebElement form) {
        page.navigate(() -> form.findElement(By.cssSelector("button[type=submit]")).click());
    }

    /** The cells of the links table's row from one outlet to another (matched by their profile links). */
    private List<String> link(String source, String target) {
        return browser.findElements(By.cssSelector("[data-testid=leadlag-links] tbody tr")).stream()
                .filter(tr -> {
                    List<WebElement> a = tr.findElements(By.tagName("a"));
                    return a.get(0).getDomAttribute("href").equals("#/provider/" + source)
                            && a.get(1).getDomAttribute("href").equals("#/provider/" + target);
                })
                .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
                .findFirst().orElseThrow(() -> new AssertionError("no link " + source + " -> " + target));
    }

    private JsonNode api(String path) throws Exception {
        try (var http = HttpClient.newHttpClient()) {
            var response = http.send(HttpRequest.newBuilder(URI.create(page.base() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            return json.readTree(response.body());
        }
    }

    /** The lead/lag edges (one page holds them all on the test graph; the test checks it). */
    private List<JsonNode> leadLag(String query) throws Exception {
        JsonNode body = api("api/coverage/leadlag?size=1000" + query);
        assertThat(body.get("totalPages").asInt()).isLessThanOrEqualTo(1);
        List<JsonNode> edges = new ArrayList<>();
        body.get("items").forEach(edges::add);
        return edges;
    }

    private void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private String data(String testid, String attribute) {
        return browser.findElement(By.cssSelector("[data-testid=" + testid + "]")).getDomAttribute(attribute);
    }

    private List<List<String>> tableRows(String testid) {
        return browser.findElements(By.cssSelector("[data-testid=" + testid + "] tbody tr")).stream()
                .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()).toList();
    }

    @Test
    void leadLagNetworkShowsTheApisOutletsAndLinks() throws Exception {
        page.open("#/");
        page.navigate(() -> browser.findElement(By.cssSelector("header nav a[data-nav=leadlag]")).click());
        List<JsonNode> edges = leadLag("");
        Set<String> providers = new TreeSet<>();
        edges.forEach(e -> {
            providers.add(e.get("source").asString());
            providers.add(e.get("target").asString());
        });
        assertThat(edges).isNotEmpty();
        assertThat(data("leadlag-graph", "data-nodes")).isEqualTo(String.valueOf(providers.size()));
        assertThat(data("leadlag-graph", "data-edges")).isEqualTo(String.valueOf(edges.size()));
        assertThat(browser.findElement(By.cssSelector("[data-testid=leadlag-summary]")).getText())
                .isEqualTo(providers.size() + " outlets, " + edges.size() + " links");
        assertThat(browser.findElements(By.cssSelector("[data-testid=leadlag-graph] canvas"))).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("header nav a.active")).getDomAttribute("data-nav"))
                .isEqualTo("leadlag");
        List<List<String>> rows = tableRows("leadlag-links");
        assertThat(rows).hasSize(edges.size());
        // by hand: in the seeds' police-protests story wbur.org published 477 min before wpxi.com, which published
        // 693 min before thehill.com, 1,170 min after wbur.org; in SECOND_STORY 180, 120 and 300 min: the medians
        // of two lags are their means
        assertThat(link("wbur.org", "wpxi.com").subList(2, 5)).containsExactly("2", "2", "329 min");
        assertThat(link("wpxi.com", "thehill.com").subList(2, 5)).containsExactly("2", "2", "407 min");
        assertThat(link("wbur.org", "thehill.com").subList(2, 5)).containsExactly("2", "2", "735 min");
        // the graph's ECharts series holds one node per outlet and one directed link per edge
        Object series = ((JavascriptExecutor) browser).executeScript("""
                const option = echarts.getInstanceByDom(document.querySelector('[data-testid=leadlag-graph]'))
                    .getOption().series[0];
                return [option.data.length, option.links.length, option.edgeSymbol[1]];""");
        assertThat(series).isEqualTo(List.of((long) providers.size(), (long) edges.size(), "arrow"));
        screenshot("leadlag");
        Files.copy(screenshots.resolve("leadlag.png"), Path.of("/tmp/wt6-leadlag.png"),
                StandardCopyOption.REPLACE_EXISTING);

        // a click on an outlet (at the pixel where ECharts laid it out) offers its timeline
        WebElement box = browser.findElement(By.cssSelector("[data-testid=leadlag-graph]"));
        @SuppressWarnings("unchecked")
        List<Number> offset = (List<Number>) ((JavascriptExecutor) browser).executeScript("""
                const box = document.querySelector('[data-testid=leadlag-graph]');
                const chart = echarts.getInstanceByDom(box);
                const nodes = chart.getModel().getSeriesByIndex(0).getData();
                const xy = chart.convertToPixel({ seriesIndex: 0 }, nodes.getItemLayout(nodes.indexOfName('wpxi.com')));
                return [Math.round(xy[0] - box.clientWidth / 2), Math.round(xy[1] - box.clientHeight / 2)];""");
        new Actions(browser).moveToElement(box, offset.get(0).intValue(), offset.get(1).intValue()).click().perform();
        wait.until(d -> d.findElement(By.cssSelector("[data-testid=leadlag-details] strong")).getText().equals("WPXI"));
        page.navigate(() -> browser.findElement(By.cssSelector("[data-testid=leadlag-timeline-link]")).click());
        assertThat(browser.getCurrentUrl()).endsWith("#/timelines?type=provider&name=wpxi.com");
        assertThat(browser.findElement(By.cssSelector("[data-testid=timeline-title]")).getText())
                .isEqualTo("Provider WPXI");
    }

    @Test
    void minSharedFilterDropsLinks() throws Exception {
        List<JsonNode> all = leadLag("");
        List<JsonNode> shared2 = leadLag("&minShared=2");
        assertThat(shared2.size()).as("the seeds have pairs sharing one story and pairs sharing more")
                .isLessThan(all.size()).isPositive();
        page.open("#/leadlag");
        assertThat(data("leadlag-graph", "data-edges")).isEqualTo(String.valueOf(all.size()));
        WebElement form = browser.findElement(By.cssSelector("[data-testid=leadlag-filters]"));
        WebElement minShared = form.findElement(By.name("minShared"));
        minShared.clear();
        minShared.sendKeys("2");
        submitted(form);
        assertThat(browser.getCurrentUrl()).endsWith("#/leadlag?minShared=2");
        assertThat(data("leadlag-graph", "data-edges")).isEqualTo(String.valueOf(shared2.size()));
        assertThat(tableRows("leadlag-links")).hasSize(shared2.size())
                .allSatisfy(r -> assertThat(Integer.parseInt(r.get(3))).isGreaterThanOrEqualTo(2));
        // the seeds' stories overlapping 2020-06-16 only (see CoverageApiTest): four links, each on one story
        page.open("#/leadlag?from=2020-06-16&to=2020-06-17");
        assertThat(leadLag("&from=2020-06-16&to=2020-06-17")).hasSize(4);
        assertThat(browser.findElement(By.cssSelector("[data-testid=leadlag-summary]")).getText())
                .isEqualTo("5 outlets, 4 links");
        assertThat(link("wbur.org", "wpxi.com").subList(2, 5)).containsExactly("1", "1", "477 min");
        assertThat(link("bizjournals.com", "geekwire.com").get(4)).isEqualTo("1,531 min");
        // a range before any seed article leaves no link
        page.open("#/leadlag?from=2019-01-01&to=2019-02-01");
        assertThat(leadLag("&from=2019-01-01&to=2019-02-01")).isEmpty();
        assertThat(browser.findElement(By.cssSelector("[data-testid=leadlag-summary]")).getText())
                .isEqualTo("0 outlets, 0 links");
        assertThat(browser.findElements(By.cssSelector("[data-testid=leadlag-empty]"))).hasSize(1);
    }

    private void assertTimelineMatches(JsonNode timeline) {
        JsonNode buckets = timeline.get("buckets");
        assertThat(data("activity-chart", "data-points")).isEqualTo(String.valueOf(buckets.size()));
        List<List<String>> expected = new ArrayList<>();
        long articles = 0;
        for (JsonNode b : buckets) {
            articles += b.get("articles").asLong();
            if (b.get("articles").asLong() > 0) {
                expected.add(List.of(b.get("start").asString(), b.get("articles").asString(),
                        b.get("stories").asString(), b.get("newStories").asString()));
            }
        }
        assertThat(data("activity-chart", "data-articles")).isEqualTo(String.valueOf(articles));
        assertThat(tableRows("activity-buckets")).isEqualTo(expected);
        assertThat(browser.findElements(By.cssSelector("[data-testid=activity-chart] canvas"))).isNotEmpty();
    }

    @Test
    void topicTimelineShowsTheApisBuckets() throws Exception {
        JsonNode topic = api("api/topics").get("items").get(0);
        String name = topic.get("name").asString();
        page.open("#/timelines");
        assertThat(new Select(browser.findElement(By.cssSelector("[data-testid=timeline-name]")))
                .getFirstSelectedOption().getDomAttribute("value")).isEqualTo(name);
        JsonNode days = api("api/topics/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20")
                + "/timeline?bucket=day");
        assertThat(days.get("totals").get("articles").asLong()).isEqualTo(topic.get("articles").asLong());
        assertTimelineMatches(days);
        screenshot("topic-timeline");
        Files.copy(screenshots.resolve("topic-timeline.png"), Path.of("/tmp/wt6-topic-timeline.png"),
                StandardCopyOption.REPLACE_EXISTING);

        // per hour, from a date on
        WebElement form = browser.findElement(By.cssSelector("[data-testid=timeline-filters]"));
        new Select(form.findElement(By.name("bucket"))).selectByValue("hour");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2020-06-15'", form.findElement(By.name("from")));
        submitted(form);
        JsonNode hours = api("api/topics/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20")
                + "/timeline?bucket=hour&from=2020-06-15");
        assertThat(hours.get("buckets").size()).isGreaterThan(days.get("buckets").size());
        assertTimelineMatches(hours);
    }

    @Test
    void providerTimelineShowsTheApisBuckets() throws Exception {
        page.open("#/timelines?type=provider&name=wpxi.com");
        assertThat(browser.findElement(By.cssSelector("[data-testid=timeline-title]")).getText())
                .isEqualTo("Provider WPXI");
        JsonNode days = api("api/providers/wpxi.com/timeline?bucket=day");
        assertTimelineMatches(days);
        // by hand: wpxi.com has one seed article, 2020-06-16T23:27Z, in the police-protests story (new that day:
        // wbur.org began it at 15:30), and the SECOND_STORY one; the days between are empty buckets
        assertThat(tableRows("activity-buckets")).containsExactly(List.of("2020-06-16T00:00:00Z", "1", "1", "1"),
                List.of("2021-03-01T00:00:00Z", "1", "1", "1"));
        assertThat(days.get("buckets").size()).isEqualTo(259);
        assertThat(browser.findElement(By.cssSelector("[data-testid=timeline-summary]")).getText())
                .startsWith("2 articles in 2 stories (2 new), 259 days from 2020-06-16 00:00 to 2021-03-02 00:00");
        screenshot("provider-timeline");
        Files.copy(screenshots.resolve("provider-timeline.png"), Path.of("/tmp/wt6-provider-timeline.png"),
                StandardCopyOption.REPLACE_EXISTING);

        // switching to topics lists topics and shows the first one
        page.navigate(() -> new Select(browser.findElement(By.cssSelector("[data-testid=timeline-type]")))
                .selectByValue("topic"));
        assertThat(browser.getCurrentUrl()).contains("type=topic");
        assertThat(browser.findElement(By.cssSelector("[data-testid=timeline-title]")).getText())
                .isEqualTo("Topic " + api("api/topics").get("items").get(0).get("name").asString());
    }
}
