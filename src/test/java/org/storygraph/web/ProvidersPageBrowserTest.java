package org.storygraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

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
import org.springframework.test.context.ContextConfiguration;
import org.storygraph.GraphFixtures;
import org.storygraph.TestDatabase;
import org.storygraph.outlets.OutletImport;

/**
 * The explorer's providers page (static/app.js) in Debian's headless Chromium, after the seed outlet file
 * ({@code outlets/seed-outlets.csv}) is imported: each outlet's country, media type and collections are
 * shown, and the collection filter keeps exactly the collection's outlets, in the page URL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "storygraph.ingest.seeds.load-when-empty=false")
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProvidersPageBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    GraphFixtures graph;
    @Autowired
    OutletImport outlets;

    private WebDriver browser;
    private ExplorerPage page;

    @BeforeAll
    void start() throws Exception {
        Chromium.assumeInstalled();
        graph.seeds();
        assertThat(outlets.importFile(Path.of("outlets/seed-outlets.csv")).rowsRejected()).isZero();
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
    void showsOutletMetadataAndFiltersByCollection() {
        page.open("#/providers");
        List<List<String>> all = rows();
        assertThat(all).hasSize(25);
        // columns: provider, domain, country, media type, collections, articles
        assertThat(row(all, "wbur.org")).containsExactly("WBUR", "wbur.org", "US", "broadcast",
                "US local and regional", "2");
        assertThat(row(all, "telegraph.co.uk")).containsExactly("The Daily Telegraph", "telegraph.co.uk", "GB",
                "national", "International", "1");

        WebElement form = browser.findElement(By.cssSelector("[data-testid=provider-filters]"));
        new Select(form.findElement(By.name("collection"))).selectByValue("US local and regional");
        page.navigate(() -> form.findElement(By.cssSelector("button[type=submit]")).click());
        assertThat(browser.getCurrentUrl()).endsWith("#/providers?collection=US%20local%20and%20regional");
        // the five local and regional outlets of the file, and no other
        assertThat(rows().stream().map(r -> r.get(1)).toList()).containsExactlyInAnyOrder(
                "wbur.org", "wpxi.com", "wxyz.com", "geekwire.com", "bizjournals.com");
        assertThat(new Select(browser.findElement(By.name("collection"))).getFirstSelectedOption().getDomAttribute("value"))
                .isEqualTo("US local and regional");

        // media type and country from the URL, combined
        page.navigate(() -> browser.get(page.base() + "#/providers?mediaType=broadcast&country=GB"));
        assertThat(rows().stream().map(r -> r.get(1)).toList()).containsExactly("bbc.com");
    }

    private static List<String> row(List<List<String>> rows, String domain) {
        return rows.stream().filter(r -> r.get(1).equals(domain)).findFirst().orElseThrow();
    }

    private List<List<String>> rows() {
        return browser.findElements(By.cssSelector("[data-testid=providers] tbody tr")).stream()
                .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()).toList();
    }

}
