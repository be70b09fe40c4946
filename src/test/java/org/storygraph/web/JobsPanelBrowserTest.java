package org.storygraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.test.context.ContextConfiguration;
import org.storygraph.TestDatabase;

/**
 * The explorer's Jobs panel (jobs.js) in headless Chromium: it lists the job records with state and progress, and
 * keeps polling while one is running, so a job that finishes shows as done without a reload. Same context as
 * {@link ExplorerBrowserTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "storygraph.ingest.seeds.load-when-empty=false")
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobsPanelBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    Neo4jClient client;

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    void start() throws Exception {
        Chromium.assumeInstalled();
        browser = Chromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (client != null) {
            client.query("MATCH (j:Job) WHERE j.id STARTS WITH 'panel-' DELETE j").run();
        }
    }

    @Test
    void showsJobsWithProgressAndFollowsARunningOneUntilItIsDone() {
        client.query("MATCH (j:Job) DELETE j").run();
        client.query("""
                CREATE (:Job {id: 'panel-load', kind: 'ingest', state: 'running', unit: 'files', done: 300,
                              total: 1000, owner: 'browser-test', createdAt: datetime('2026-01-02T10:00:00Z'),
                              cancelRequested: false, request: '{}'}),
                       (:Job {id: 'panel-failed', kind: 'recluster', state: 'failed', unit: 'articles', done: 0,
                              total: 0, owner: 'browser-test', createdAt: datetime('2026-01-01T10:00:00Z'),
                              cancelRequested: false, request: '{}', error: 'boom <b>not html</b>'})
                """).run();
        browser.get("http://127.0.0.1:" + port + "/");
        wait.until(d -> d.findElements(By.cssSelector("#jobs-panel tbody tr")).size() == 2);
        List<WebElement> rows = browser.findElements(By.cssSelector("#jobs-panel tbody tr"));
        assertThat(rows.get(0).getDomAttribute("data-job")).isEqualTo("panel-load");
        assertThat(rows.get(0).getText()).contains("ingest", "running", "300/1,000 files (30%)");
        assertThat(rows.get(0).findElement(By.tagName("progress")).getDomProperty("value")).isEqualTo("30");
        assertThat(rows.get(1).getText()).contains("recluster", "failed", "boom <b>not html</b>");

        // the panel polls while a job runs: the job finishing shows without a reload
        client.query("MATCH (j:Job {id: 'panel-load'}) SET j.state = 'done', j.done = 1000").run();
        wait.until(d -> "done".equals(d.findElement(By.cssSelector("#jobs-panel tr[data-job='panel-load']"))
                .getDomAttribute("data-state")));
        assertThat(browser.findElement(By.cssSelector("#jobs-panel tr[data-job='panel-load']")).getText())
                .contains("1,000/1,000 files (100%)");
    }
}
