package org.storygraph.web;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The explorer page of a test server in a browser: opens a view by its hash and waits until the view says it is
 * rendered ({@code #view[data-ready=true]}, set by static/app.js once its data is shown).
 */
final class ExplorerPage {

    private final WebDriver browser;
    private final int port;
    private final WebDriverWait wait;

    ExplorerPage(WebDriver browser, int port) {
        this.browser = browser;
        this.port = port;
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    String base() {
        return "http://127.0.0.1:" + port + "/";
    }

    void open(String hash) {
        browser.get(base() + hash);
        ready();
    }

    void ready() {
        wait.until(d -> "true".equals(d.findElement(By.id("view")).getDomAttribute("data-ready")));
    }

    /** Does what changes the page's hash, then waits for the new view (not for the old one, still marked ready). */
    void navigate(Runnable action) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById('view').dataset.ready = 'false'");
        action.run();
        ready();
    }
}
