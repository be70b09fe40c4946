package org.storygraph.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless Chromium for the browser tests: skipped (not failed) where it is not installed. */
final class Chromium {

    private static final File BROWSER = new File("/usr/bin/chromium");
    private static final File DRIVER = new File("/usr/bin/chromedriver");

    private Chromium() {
    }

    /** Skips the test class unless chromium and chromium-driver are installed (.ci/run installs them). */
    static void assumeInstalled() {
        assumeTrue(BROWSER.canExecute() && DRIVER.canExecute(),
                "Browser tests need Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver);"
                        + " .ci/run installs them: apt-get install -y chromium chromium-driver");
    }

    /** A headless browser of 1400×1100 with its own profile under target/; the caller quits it. */
    static WebDriver start() throws IOException {
        assumeInstalled();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--window-size=1400,1100", "--user-data-dir=" + Files.createTempDirectory(
                        Path.of("target").toAbsolutePath(), "chromium-profile"));
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
                .usingAnyFreePort().build(), options);
    }
}
