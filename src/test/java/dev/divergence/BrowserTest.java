package dev.divergence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The HTML drift report and the playground in a real browser (headless Chromium from the system's packages,
 * {@link Browser}): they render their charts without console errors, the playground computes when used, and
 * screenshots of both are saved to {@code target/screenshots}.
 */
@ExtendWith(Browser.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserTest {

    /** The README's drift example. */
    static final String README_DRIFT = "{\"reference\": {\"age\": [34, 41, 29, 52, 38, 45, 31, 60, 27, 49, 36, 43], "
            + "\"plan\": [\"basic\", \"pro\", \"basic\", \"basic\", \"pro\", \"basic\", \"pro\", \"basic\", \"basic\", "
            + "\"pro\", \"basic\", \"basic\"]}, \"current\": {\"age\": [51, 63, 47, 58, 66, 49, 55, 71, 62, 53, 59, "
            + "68], \"plan\": [\"basic\", \"pro\", \"basic\", \"pro\", \"basic\", \"basic\", \"pro\", \"basic\", null, "
            + "\"pro\", \"basic\", \"basic\"]}}";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    static ChromeDriver driver;

    @LocalServerPort
    int port;

    @BeforeAll
    static void start() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Browser.binary());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=900,1400", "--hide-scrollbars");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(Browser.driver()).toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    private static List<LogEntry> severeConsoleEntries() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
    }

    private static void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void theDriftReportShowsTheVerdictAndAChartPerColumn() throws IOException {
        HttpClientSupport http = new HttpClientSupport(port);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(http.uri("/v1/drift"))
                .header("Content-Type", "application/json").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(README_DRIFT)).build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        // self-contained: nothing loaded from elsewhere, no script
        assertThat(response.body()).doesNotContain("<script", "src=\"http", "href=\"http", "@import", "url(");
        Path report = SCREENSHOTS.resolve("drift-report.html");
        Files.writeString(report, response.body());
        driver.get(report.toAbsolutePath().toUri().toString());
        assertThat(driver.findElement(By.id("verdict")).getText()).isEqualTo("Dataset drift detected");
        List<WebElement> charts = driver.findElements(By.cssSelector("article svg.chart"));
        assertThat(charts).hasSize(2);
        for (WebElement chart : charts) {
            assertThat(chart.getSize().getWidth()).isGreaterThan(300);
            assertThat(chart.findElements(By.cssSelector("rect.bar.reference"))).isNotEmpty();
            assertThat(chart.findElements(By.cssSelector("rect.bar.current"))).isNotEmpty();
        }
        // sorted by how far past the threshold: the drifted age column first
        assertThat(driver.findElements(By.cssSelector("article h2")).get(0).getText()).startsWith("age");
        assertThat(severeConsoleEntries()).isEmpty();
        screenshot("drift-report.png");
    }

    @Test
    void thePlaygroundComputesAndDraws() throws IOException {
        driver.get(new HttpClientSupport(port).uri("/").toString());
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        wait.until(d -> d.findElement(By.id("headline")).getText().startsWith("KL(p ‖ q) = "));
        // the bag of 10 red and 15 blue balls against its 40/60 generator: KL 0
        assertThat(driver.findElement(By.id("headline")).getText()).isEqualTo("KL(p ‖ q) = 0 nats");
        driver.findElement(By.id("example-tail")).click();
        wait.until(d -> d.findElement(By.id("headline")).getText().contains("Infinity"));
        assertThat(driver.findElements(By.cssSelector("#chart rect.bar.p"))).hasSize(5);
        assertThat(driver.findElements(By.cssSelector("#metrics tbody tr")).size()).isGreaterThan(10);
        assertThat(driver.findElement(By.id("warnings")).getText()).contains("kl is infinite");
        screenshot("playground.png");
        driver.findElement(By.id("example-samples")).click();
        wait.until(d -> d.findElement(By.id("headline")).getText().contains("estimator: counting"));
        driver.findElement(By.id("p")).clear();
        driver.findElement(By.id("p")).sendKeys("[0.5, ");
        driver.findElement(By.id("compute")).click();
        wait.until(d -> !d.findElement(By.id("error")).getText().isEmpty());
        assertThat(severeConsoleEntries()).isEmpty();
    }
}
