package eu.iucplanner.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.iucplanner.TestCredentials;
import eu.iucplanner.app.IucPlannerApplication;

/**
 * The web app in a real browser: Debian's headless Chromium driven by Selenium through Debian's chromedriver, against
 * the real service on embedded PostgreSQL, logged in through the login form as the tests' administrator. Every test
 * ends with no error in the browser's console (read from the classic browser log); a failing test leaves a screenshot
 * and the page's HTML under target/browser-failures/. Waits are Awaitility's, generous for a loaded machine.
 * Subclasses share one application context (same properties), so the service starts once for all browser tests.
 */
@SpringBootTest(classes = IucPlannerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "iuc.embedded-db.data-dir=target/it-postgres-browser-${random.uuid}",
                "iuc.runs.parallel-runs=2" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTestSupport {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration LONG = Duration.ofSeconds(120);
    static final Duration SHORT = Duration.ofSeconds(30);
    static final Path FAILURES = Path.of("target", "browser-failures");

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    ChromeDriver driver;

    @RegisterExtension
    final TestWatcher screenshotOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (driver == null) {
                return;
            }
            String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod()
                    .getName();
            try {
                Files.createDirectories(FAILURES);
                Files.write(FAILURES.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
                Files.writeString(FAILURES.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
    };

    @BeforeAll
    void startBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Optional.ofNullable(System.getenv("IUC_CHROMIUM")).orElse("/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1440,1000", "--lang=en-GB", "--disable-extensions");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(Optional.ofNullable(System.getenv("IUC_CHROMEDRIVER"))
                        .orElse("/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        logIn();
    }

    @AfterAll
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @BeforeEach
    void wideWindow() {
        driver.manage().window().setSize(new Dimension(1440, 1000));
        consoleErrors();
    }

    /** No test leaves an error in the browser's console. */
    @AfterEach
    void noConsoleErrors() {
        assertThat(consoleErrors()).as("errors in the browser's console").isEmpty();
    }

    /** The console's errors since the last call (the log is read once). */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::toString).toList();
    }

    void logIn() {
        driver.get(base() + "/login.html");
        driver.findElement(By.id("username")).sendKeys(TestCredentials.ADMIN);
        driver.findElement(By.id("password")).sendKeys(TestCredentials.ADMIN_PASSWORD);
        driver.findElement(By.id("submit")).click();
        waitFor(() -> driver.getTitle().startsWith("Runs"));
    }

    String base() {
        return "http://localhost:" + port;
    }

    /** Opens a view of the app by its route, e.g. "/pairing/ID?tab=map", and waits for its heading. */
    void open(String route) {
        driver.get(base() + "/#" + route);
        waitFor(() -> !driver.findElements(By.cssSelector("main h1")).isEmpty());
    }

    void waitFor(Callable<Boolean> condition) {
        waitFor(LONG, condition);
    }

    void waitFor(Duration atMost, Callable<Boolean> condition) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(condition);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(code, arguments);
    }

    /** The value of a fact (a dd after its dt) in a definition list. */
    String fact(String listCss, String term) {
        return find(listCss).findElement(By.xpath(".//dt[normalize-space(.)='" + term + "']/following-sibling::dd[1]"))
                .getText().strip();
    }

    void select(String css, String value) {
        new Select(find(css)).selectByValue(value);
    }

    void type(String css, String text) {
        WebElement input = find(css);
        input.clear();
        input.sendKeys(text);
    }

    /** axe-core finds no serious or critical accessibility violation in the current view. */
    void accessible(String view) {
        Results results = new AxeBuilder().analyze(driver);
        List<String> violations = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(BrowserTestSupport::describe).toList();
        assertThat(violations).as("serious or critical accessibility violations in " + view).isEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at " + rule.getNodes().stream()
                .limit(3).map(node -> String.valueOf(node.getTarget())).toList();
    }

    // --------------------------------------------------------------------------------------------------- the API

    JsonNode get(String path) {
        ResponseEntity<String> answer = rest.getForEntity(path, String.class);
        assertThat(answer.getStatusCode().is2xxSuccessful()).as(path + ": " + answer.getBody()).isTrue();
        return json(answer.getBody());
    }

    JsonNode post(String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> answer = rest.postForEntity(path, new HttpEntity<>(body instanceof String text ? text
                : body.toString(), headers), String.class);
        assertThat(answer.getStatusCode().is2xxSuccessful()).as(path + ": " + answer.getBody()).isTrue();
        return json(answer.getBody());
    }

    /** Waits until the run has ended and answers its metadata. */
    JsonNode ended(String kind, String id) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() ->
                !get("/api/v1/" + kind + "-runs/" + id + "/metadata").path("status").asText()
                        .matches("SCHEDULED|SOLVING"));
        return get("/api/v1/" + kind + "-runs/" + id + "/metadata");
    }

    /** A SMALL demo pool solved for a few seconds, submitted over the API; answers its id once it has ended. */
    String solvedSmallPool(String name, String spentLimit) {
        com.fasterxml.jackson.databind.node.ObjectNode request = (com.fasterxml.jackson.databind.node.ObjectNode)
                get("/api/v1/demo-data/SMALL");
        request.put("name", name);
        request.putObject("termination").put("spentLimit", spentLimit);
        String id = post("/api/v1/pairing-runs", request).get("id").asText();
        assertThat(ended("pairing", id).get("status").asText()).isEqualTo("COMPLETED");
        return id;
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError(text, e);
        }
    }

    /** The run id in the current URL (#/pairing/ID or #/schedule/ID). */
    String runIdInUrl(String kind) {
        String url = driver.getCurrentUrl();
        int at = url.indexOf("#/" + kind + "/");
        assertThat(at).as(url).isPositive();
        return url.substring(at + kind.length() + 3).split("[/?]")[0];
    }
}
