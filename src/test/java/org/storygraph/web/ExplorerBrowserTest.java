package org.storygraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.test.context.ContextConfiguration;
import org.storygraph.GraphFixtures;
import org.storygraph.TestDatabase;
import org.storygraph.ingest.IngestService;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The explorer page in Debian's headless Chromium (installed by .ci/run), on the seeds: it renders the stories, a
 * story's spread chart and graph with exactly the points and nodes the API returns, sorts the coverage table, runs
 * a saved query (also from a shared link, with its copy-as-curl/pandas/R texts), and shows a hostile title as
 * text. Screenshots of each view go to target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "storygraph.ingest.seeds.load-when-empty=false")
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplorerBrowserTest {

    static final String HOSTILE = "<script>window.__xss = 1</script> Acme <img src=x onerror=\"window.__xss = 2\"> recall";

    /** A member of the seeds' largest story (police protests renew scrutiny: wbur.org, wpxi.com, thehill.com). */
    static final String PROTESTS = "https://wpxi.com/news/washington-news-bureau/police-using-facial-recognition-"
            + "software-identify-protesters-civil-rights-advocates-claim/5X5L2TGCLRF6JBHEYC3ABKQMIU";

    @LocalServerPort
    int port;
    @Autowired
    GraphFixtures graph;
    @Autowired
    IngestService ingest;
    @Autowired
    Neo4jClient client;

    private WebDriver browser;
    private WebDriverWait wait;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Path screenshots = Path.of("target", "screenshots");

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        Chromium.assumeInstalled();
        graph.seeds();
        Files.writeString(dir.resolve("hostile.txt"), """
                ---
                title: '%s'
                webUrl: "https://hostile.example/acme"
                publishedDateTime: 2021-03-01T10:00:00Z
                ---
                """.formatted(HOSTILE.replace("'", "''")));
        ingest.load(List.of(dir));
        Files.createDirectories(screenshots);
        browser = Chromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String base() {
        return "http://127.0.0.1:" + port + "/";
    }

    private void open(String hash) {
        browser.get(base() + hash);
        ready();
    }

    private void ready() {
        wait.until(d -> "true".equals(d.findElement(By.id("view")).getDomAttribute("data-ready")));
    }

    private JsonNode api(String path) throws Exception {
        try (var http = java.net.http.HttpClient.newHttpClient()) {
            var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + path)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return json.readTree(response.body());
        }
    }

    private void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private String storyOf(String url) {
        return client.query("MATCH (:Article {url: $u})-[:IN_STORY]->(s) RETURN s.id").bind(url).to("u")
                .fetchAs(String.class).one().orElseThrow();
    }

    @Test
    void listsTheStories() throws Exception {
        open("#/");
        int total = api("api/stories?size=100").get("total").asInt();
        List<WebElement> rows = browser.findElements(By.cssSelector("[data-testid=stories] tbody tr"));
        assertThat(rows).hasSize(total);
        assertThat(browser.findElement(By.cssSelector("[data-testid=story-count]")).getText())
                .isEqualTo(total + " stories");
        screenshot("stories");
    }

    @Test
    void showsAStorysSpreadChartAndGraphWithTheApisNumbers() throws Exception {
        String story = storyOf(PROTESTS);
        open("#/");
        browser.findElements(By.cssSelector("[data-testid=story-link]")).stream()
                .filter(a -> a.getDomAttribute("href").endsWith(story)).findFirst().orElseThrow().click();
        ready();
        WebElement chart = browser.findElement(By.cssSelector("[data-testid=timeline-chart]"));
        WebElement graphBox = browser.findElement(By.cssSelector("[data-testid=story-graph]"));
        int buckets = api("api/stories/" + story + "/timeline?bucket=hour").get("buckets").size();
        JsonNode apiGraph = api("api/stories/" + story + "/graph");
        assertThat(chart.getDomAttribute("data-points")).isEqualTo(String.valueOf(buckets));
        assertThat(graphBox.getDomAttribute("data-nodes")).isEqualTo(String.valueOf(apiGraph.get("nodes").size()));
        assertThat(graphBox.getDomAttribute("data-edges")).isEqualTo(String.valueOf(apiGraph.get("edges").size()));
        // ECharts drew on its canvases
        assertThat(chart.findElements(By.tagName("canvas"))).isNotEmpty();
        assertThat(graphBox.findElements(By.tagName("canvas"))).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("[data-testid=story-label]")).getText())
                .isEqualTo(api("api/stories/" + story).get("story").get("label").asString());
        // the daily view of the same story
        browser.findElement(By.linkText("day")).click();
        ready();
        int days = api("api/stories/" + story + "/timeline?bucket=day").get("buckets").size();
        assertThat(browser.findElement(By.cssSelector("[data-testid=timeline-chart]")).getDomAttribute("data-points"))
                .isEqualTo(String.valueOf(days));
        screenshot("story");
    }

    @Test
    void sortsTheCoverageTable() throws Exception {
        String story = storyOf(PROTESTS);
        open("#/story/" + story);
        By lagCells = By.cssSelector("[data-testid=coverage] tbody tr td:nth-child(4)");
        WebElement lagHeader = browser.findElement(By.cssSelector("[data-testid=coverage] th[data-column=lag]"));
        lagHeader.click();
        List<Long> ascending = browser.findElements(lagCells).stream().map(e -> Long.parseLong(e.getText())).toList();
        assertThat(ascending).isSorted().hasSize(api("api/stories/" + story + "/coverage").get("providers").size());
        browser.findElement(By.cssSelector("[data-testid=coverage] th[data-column=lag]")).click();
        List<Long> descending = browser.findElements(lagCells).stream().map(e -> Long.parseLong(e.getText())).toList();
        assertThat(descending).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(descending.getFirst()).isEqualTo(ascending.getLast());
        screenshot("coverage-sorted");
    }

    @Test
    void showsAProvider() throws Exception {
        // wpxi.com: second in the protests story, 477 min after wbur.org
        open("#/provider/wpxi.com");
        JsonNode profile = api("api/providers/wpxi.com");
        assertThat(browser.findElement(By.cssSelector("[data-testid=provider-name]")).getText())
                .isEqualTo("WPXI");
        assertThat(browser.findElement(By.cssSelector("[data-testid=provider-summary]")).getText())
                .contains("first to report 0").contains("median lag 477 min");
        assertThat(browser.findElements(By.cssSelector("[data-testid=precedes] tbody tr")))
                .hasSize(profile.get("precedes").size());
        screenshot("provider");
    }

    @Test
    void runsASavedQueryFromItsForm() throws Exception {
        open("#/queries?name=providers-leading");
        WebElement form = browser.findElement(By.cssSelector("[data-testid=query-form]"));
        // who published before thehill.com in the stories they shared: wbur.org (1,170 min) and wpxi.com (693 min)
        form.findElement(By.name("provider")).sendKeys("thehill.com");
        form.findElement(By.cssSelector("[data-testid=run-query]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid=query-table]")));
        List<WebElement> rows = browser.findElements(By.cssSelector("[data-testid=query-table] tbody tr"));
        assertThat(rows).hasSize(2);
        assertThat(rows.getFirst().findElement(By.cssSelector("td")).getText()).isEqualTo("wbur.org");
        assertThat(browser.findElement(By.cssSelector("[data-testid=query-summary]")).getText()).startsWith("2 rows");
        screenshot("saved-query");
    }

    @Test
    void aQueryLinkFillsTheFormShowsTheResultAndOffersTheSameRowsToPandasRAndCurl() throws Exception {
        open("#/queries?name=providers-leading&p.provider=thehill.com&p.limit=5");
        WebElement form = browser.findElement(By.cssSelector("[data-testid=query-form]"));
        assertThat(form.findElement(By.name("provider")).getDomProperty("value")).isEqualTo("thehill.com");
        assertThat(form.findElement(By.name("limit")).getDomProperty("value")).isEqualTo("5");
        List<List<String>> shown = browser.findElements(By.cssSelector("[data-testid=query-table] tbody tr")).stream()
                .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()).toList();
        assertThat(shown).hasSize(2);
        assertThat(shown.getFirst().getFirst()).isEqualTo("wbur.org");
        String csvUrl = base() + "api/queries/providers-leading/run?provider=thehill.com&limit=5&format=csv";
        assertThat(copyText("copy-pandas")).isEqualTo("pd.read_csv(\"" + csvUrl + "\")");
        assertThat(copyText("copy-r")).isEqualTo("read.csv(\"" + csvUrl + "\")");
        assertThat(copyText("copy-curl")).isEqualTo("curl -sS '" + csvUrl + "'");
        assertThat(copyText("share-link"))
                .isEqualTo(base() + "#/queries?name=providers-leading&p.provider=thehill.com&p.limit=5&run=1");
        // the copied URL answers the rows on the page, as CSV
        List<List<String>> fetched = csv(fetch(csvUrl));
        assertThat(fetched.getFirst()).containsExactly("provider", "name", "storiesAhead", "medianLeadMinutes");
        assertThat(fetched.subList(1, fetched.size())).hasSameSizeAs(shown);
        for (int i = 0; i < shown.size(); i++) {
            List<String> row = fetched.get(i + 1);
            for (int c = 0; c < row.size(); c++) {
                String cell = shown.get(i).get(c);
                if (row.get(c).matches("-?\\d+(\\.\\d+)?")) {
                    assertThat(Double.parseDouble(cell)).isEqualTo(Double.parseDouble(row.get(c)));
                } else {
                    assertThat(cell).isEqualTo(row.get(c));
                }
            }
        }
        screenshot("saved-query-links");
        // running with other values puts them in the page URL; a reload restores form and result
        WebElement limit = form.findElement(By.name("limit"));
        limit.clear();
        limit.sendKeys("1");
        form.findElement(By.cssSelector("[data-testid=run-query]")).click();
        wait.until(d -> d.findElements(By.cssSelector("[data-testid=query-table] tbody tr")).size() == 1);
        assertThat(browser.getCurrentUrl()).endsWith("#/queries?name=providers-leading&p.provider=thehill.com"
                + "&p.limit=1&run=1");
        browser.navigate().refresh();
        ready();
        assertThat(browser.findElement(By.name("limit")).getDomProperty("value")).isEqualTo("1");
        assertThat(browser.findElements(By.cssSelector("[data-testid=query-table] tbody tr"))).hasSize(1);
        // what a shell, Python or R would trip over is percent-encoded
        WebElement provider = browser.findElement(By.name("provider"));
        provider.clear();
        provider.sendKeys("it's \"a\" b&c=d");
        assertThat(copyText("copy-curl")).isEqualTo("curl -sS '" + base() + "api/queries/providers-leading/run?"
                + "provider=it%27s+%22a%22+b%26c%3Dd&limit=1&format=csv'");
        assertThat(csv(fetch(copyText("copy-pandas").replaceAll("^pd\\.read_csv\\(\"|\"\\)$", "")))).hasSize(1);
    }

    private String copyText(String testId) {
        return browser.findElement(By.cssSelector("[data-testid=" + testId + "]")).getDomProperty("value");
    }

    private String fetch(String url) throws Exception {
        try (var http = java.net.http.HttpClient.newHttpClient()) {
            var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                    .startsWith("text/csv"));
            return response.body();
        }
    }

    private static List<List<String>> csv(String text) throws IOException {
        try (var parser = org.storygraph.common.Csv.reader(new java.io.StringReader(text))) {
            List<List<String>> rows = new java.util.ArrayList<>();
            rows.add(parser.getHeaderNames());
            parser.forEach(r -> rows.add(r.toList()));
            return rows;
        }
    }

    @Test
    void showsAHostileTitleAsText() throws Exception {
        open("#/?q=acme");
        WebElement first = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-testid=story-link]")));
        assertThat(first.getText()).contains("<script>window.__xss = 1</script>").contains("<img src=x");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__xss === undefined")).isEqualTo(true);
        assertThat(browser.findElements(By.cssSelector("#view img"))).isEmpty();
        screenshot("hostile-title");
    }
}
