package org.arcc.local;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.restassured.path.json.JsonPath;

/**
 * The government dashboard in a real browser (Debian's chromium, headless, through chromium-driver) against the
 * whole local platform with real Keycloak: gov.analyst signs in on Keycloak's login page, reads the four figures
 * with numbers equal to what the reporting API answers for the same token, sees "< 5" where a figure is suppressed
 * and a gap (never 0) in the chart there, downloads a CSV, and switches to Urdu (right to left). Screenshots are
 * kept in target/dashboard-screenshots.
 */
@ExtendWith(PlatformUnderTest.class)
@Order(1)
class DashboardBrowserIT {

    private static final String DASHBOARD = PlatformUnderTest.gatewayUrl() + "/dashboard";
    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Path SCREENSHOTS = TARGET.resolve("dashboard-screenshots");
    private static final String URDU_TITLE = "اے آر سی سی ڈیش بورڈ";
    /** Each section of the page, the table it shows, and the category the trend is read with. */
    private static final Map<String, String> SECTIONS = Map.of("trend", "survivors-by-age-band",
            "deadlines", "deadline-compliance", "evidence", "evidence-turnaround", "justice", "justice-outcomes");

    private ChromeDriver browser;
    private Path downloads;

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeAll
    static void theDemoFiguresHaveArrivedAndSettled() {
        // The launcher's demo cases reach reporting by event: wait until the figures stop changing, so the page and
        // the API are compared on the same figures.
        YearMonth now = YearMonth.now(ZoneId.of("Asia/Karachi"));
        String table = PlatformUnderTest.gatewayUrl() + "/api/v1/reports/tables/deadline-compliance?from=" + now.minusMonths(6)
                + "&to=" + now.minusMonths(1);
        String[] previous = { "" };
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(3)).until(() -> {
            io.restassured.response.Response answer = given().auth().oauth2(cliToken("gov.analyst")).when().get(table);
            String body = answer.statusCode() == 200 ? answer.asString() : "";
            boolean settled = !body.isEmpty() && body.contains("\"suppressed\":true") && body.equals(previous[0]);
            previous[0] = body;
            return settled;
        });
    }

    @Test
    void anAnalystReadsTheFiguresDownloadsACsvAndSwitchesToUrdu() throws Exception {
        open("en-GB,en");
        signIn("gov.analyst");
        assertThat(browser.getCurrentUrl()).as("no code or token left in the address bar")
                .isEqualTo(DASHBOARD + "/").doesNotContain("code=").doesNotContain("token");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("ltr");

        String token = (String) js("return JSON.parse(sessionStorage.getItem('arcc.dashboard.session')).accessToken");
        String from = browser.findElement(By.id("filter-from")).getAttribute("value");
        String to = browser.findElement(By.id("filter-to")).getAttribute("value");
        int suppressed = 0;
        for (Map.Entry<String, String> section : SECTIONS.entrySet()) {
            suppressed += tableMatchesTheApi(section.getKey(), section.getValue(), token, from, to);
        }
        assertThat(suppressed).as("the demo data has suppressed figures, shown as \"< 5\"").isPositive();
        assertThat(browser.findElement(By.id("suppression-note")).getText()).contains("< 5").contains("not zero");
        suppressedFiguresAreGapsInTheTrendChart();
        screenshot("dashboard-en");

        downloadedCsvIsTheApisCsv(token, from, to);

        browser.findElement(By.id("language-switch")).click();
        wait(Duration.ofSeconds(10)).until(d -> "ur".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        assertThat(browser.getTitle()).isEqualTo(URDU_TITLE);
        assertThat(browser.findElement(By.id("heading-trend")).getText()).isEqualTo("ہر سیل میں ماہانہ متاثرین");
        // Urdu keeps Latin digits (docs/reporting.md): the same numbers, the same "< 5".
        for (Map.Entry<String, String> section : SECTIONS.entrySet()) {
            tableMatchesTheApi(section.getKey(), section.getValue(), token, from, to);
        }
        screenshot("dashboard-ur");
    }

    @Test
    void aCellSupervisorIsToldTheirOwnCellIsExact() throws Exception {
        open("en-GB,en");
        signIn("khi.supervisor");
        WebElement exact = browser.findElement(By.id("exact-note"));
        assertThat(exact.isDisplayed()).isTrue();
        assertThat(exact.getText()).contains("Karachi");
        String token = (String) js("return JSON.parse(sessionStorage.getItem('arcc.dashboard.session')).accessToken");
        tableMatchesTheApi("trend", "survivors-by-age-band", token,
                browser.findElement(By.id("filter-from")).getAttribute("value"),
                browser.findElement(By.id("filter-to")).getAttribute("value"));
    }

    @Test
    void theFirstLanguageIsTheBrowsersOwn() throws Exception {
        open("ur-PK,ur,en");
        wait(Duration.ofSeconds(20)).until(d -> "signed-out".equals(d.findElement(By.tagName("body")).getAttribute("data-state")));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ur");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        assertThat(browser.getTitle()).isEqualTo(URDU_TITLE);
        assertThat(browser.findElement(By.id("sign-in")).getText()).isEqualTo("سائن ان کریں");
        assertThat(browser.findElement(By.id("language-switch")).getText()).isEqualTo("English");
    }

    /**
     * Every figure in the section's table equals the API's row for the same place, month and category; suppressed
     * ones show the row's "< 5". Returns how many were suppressed.
     */
    private int tableMatchesTheApi(String section, String tableId, String token, String from, String to) {
        var request = given().auth().oauth2(token).queryParam("from", from).queryParam("to", to);
        if (section.equals("trend")) {
            request = request.queryParam("category", "TOTAL");
        }
        JsonPath answer = request.when().get(PlatformUnderTest.gatewayUrl() + "/api/v1/reports/tables/" + tableId)
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> rows = answer.getList("rows");
        List<WebElement> cells = browser.findElements(By.cssSelector("#figures-" + section + " td[data-category]"));
        assertThat(cells).as(section + ": figures shown").isNotEmpty();
        int suppressed = 0;
        for (WebElement cell : cells) {
            String geography = cell.getAttribute("data-geography");
            String period = cell.getAttribute("data-period");
            String category = cell.getAttribute("data-category");
            Map<String, Object> row = rows.stream().filter(r -> geography.equals(r.get("geography"))
                    && period.equals(r.get("period")) && category.equals(r.get("category"))).findFirst()
                    .orElseThrow(() -> new AssertionError(section + ": no API row for " + geography + " " + period + " " + category));
            String where = section + " " + geography + " " + period + " " + category;
            if (Boolean.TRUE.equals(row.get("suppressed"))) {
                assertThat(cell.getAttribute("data-suppressed")).as(where).isEqualTo("true");
                assertThat(cell.getText()).as(where).isEqualTo(row.get("display")).isEqualTo("< 5");
                suppressed++;
            } else {
                // JsonPath reads decimals as floats: equal to a float's precision.
                assertThat(Double.parseDouble(cell.getAttribute("data-value"))).as(where)
                        .isCloseTo(((Number) row.get("value")).doubleValue(), within(1e-4));
                if (row.get("unit") == null) {
                    assertThat(cell.getText().replace(",", "")).as(where).isEqualTo(row.get("display"));
                }
            }
        }
        return suppressed;
    }

    /** Where the trend table says "< 5", the chart's series has no point (null), never a 0. */
    @SuppressWarnings("unchecked")
    private void suppressedFiguresAreGapsInTheTrendChart() {
        List<Map<String, Object>> datasets = (List<Map<String, Object>>) js("const c = Chart.getChart('chart-trend');"
                + "return c.data.datasets.map(d => ({label: d.label, data: d.data}));");
        List<String> months = browser.findElements(By.cssSelector("#figures-trend thead th[scope=col]")).stream()
                .skip(1).map(WebElement::getText).toList();
        assertThat(datasets).isNotEmpty();
        for (WebElement line : browser.findElements(By.cssSelector("#figures-trend tbody tr"))) {
            String label = line.findElement(By.cssSelector("th[scope=row]")).getText();
            Map<String, Object> dataset = datasets.stream().filter(d -> label.equals(d.get("label"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no chart line for " + label));
            List<Object> points = (List<Object>) dataset.get("data");
            List<WebElement> cells = line.findElements(By.tagName("td"));
            assertThat(points).hasSize(months.size());
            for (int i = 0; i < cells.size(); i++) {
                WebElement cell = cells.get(i);
                if ("true".equals(cell.getAttribute("data-suppressed"))) {
                    assertThat(points.get(i)).as(label + " " + months.get(i) + " drawn").isNull();
                } else if (cell.getAttribute("data-value") != null) {
                    assertThat(((Number) points.get(i)).doubleValue()).isEqualTo(Double.parseDouble(cell.getAttribute("data-value")));
                }
            }
        }
    }

    private void downloadedCsvIsTheApisCsv(String token, String from, String to) throws IOException {
        String expectedName = "survivors-by-age-band-" + from + "-" + to + ".csv";
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("download-table")))
                .selectByValue("survivors-by-age-band");
        browser.findElement(By.id("download-csv")).click();
        Path file = downloads.resolve(expectedName);
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(file) && Files.size(file) > 0
                && !Files.exists(downloads.resolve(expectedName + ".crdownload")));
        String csv = Files.readString(file, StandardCharsets.UTF_8);
        String api = given().auth().oauth2(token).accept("text/csv").queryParam("from", from).queryParam("to", to)
                .when().get(PlatformUnderTest.gatewayUrl() + "/api/v1/reports/tables/survivors-by-age-band")
                .then().statusCode(200).extract().asString();
        assertThat(csv).isEqualTo(api).startsWith("table,geography").contains("< 5");
        Files.copy(file, SCREENSHOTS.resolve(expectedName), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private void open(String acceptLanguage) throws IOException {
        downloads = Files.createDirectories(TARGET.resolve("dashboard-downloads")).toAbsolutePath();
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("ARCC_CHROMIUM", "/usr/bin/chromium"));
        // root in CI has no user namespace sandbox; the page is our own, on localhost.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1000", "--lang=" + acceptLanguage.split(",")[0]);
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("intl.accept_languages", acceptLanguage);
        prefs.put("download.default_directory", downloads.toString());
        prefs.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", prefs);
        // The page's console, printed when it does not get ready.
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(executable("ARCC_CHROMEDRIVER", "/usr/bin/chromedriver")).toFile())
                .build();
        browser = new ChromeDriver(service, options);
        browser.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                "downloadPath", downloads.toString()));
        browser.get(DASHBOARD);
    }

    private void signIn(String username) throws IOException {
        wait(Duration.ofSeconds(20)).until(ExpectedConditions.elementToBeClickable(By.id("sign-in"))).click();
        wait(Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).as("Keycloak's login page").contains("/realms/arcc/protocol/openid-connect/auth");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PlatformUnderTest.tokens().realm().password(username));
        browser.findElement(By.id("kc-login")).click();
        try {
            wait(Duration.ofSeconds(90)).until(d -> List.of("ready", "error")
                    .contains(d.findElement(By.tagName("body")).getAttribute("data-state")));
        } finally {
            if (!"ready".equals(browser.findElement(By.tagName("body")).getAttribute("data-state"))) {
                screenshot("dashboard-failed-" + username);
                browser.manage().logs().get(LogType.BROWSER).forEach(entry -> System.out.println("[browser] " + entry));
            }
        }
        assertThat(browser.findElement(By.tagName("body")).getAttribute("data-state"))
                .as("the page's status: " + browser.findElement(By.id("status")).getText()).isEqualTo("ready");
    }

    private void screenshot(String name) throws IOException {
        Number height = (Number) js("return document.documentElement.scrollHeight;");
        browser.manage().window().setSize(new Dimension(1400, Math.min(6000, height.intValue() + 40)));
        Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(new Dimension(1400, 1000));
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private WebDriverWait wait(Duration timeout) {
        return new WebDriverWait(browser, timeout);
    }

    /** A token for the API side of the comparison before any browser exists (development client arcc-cli). */
    private static String cliToken(String username) {
        return PlatformUnderTest.tokens().user(username);
    }

    private static String executable(String variable, String fallback) {
        String path = Optional.ofNullable(System.getenv(variable)).filter(v -> !v.isBlank()).orElse(fallback);
        assertThat(Path.of(path)).as(path + " (apt-get install chromium chromium-driver; .ci/run does)").isExecutable();
        return path;
    }
}
