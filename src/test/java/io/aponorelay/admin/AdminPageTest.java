package io.aponorelay.admin;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import io.aponorelay.RelayIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The admin page in headless Chromium (Debian's chromium and chromium-driver, which .ci/run
 * installs): the webhooks with their dots, a Test that shows its invocation, a failure with its
 * reason, and a redelivery. A screenshot is left in target/admin-page.png.
 */
class AdminPageTest extends RelayIntegrationTest {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	@LocalServerPort
	private int port;

	private WebDriver browser;

	private WebDriverWait wait;

	@BeforeEach
	void openBrowser() throws IOException {
		boolean required = "required".equals(System.getenv("RELAY_BROWSER_TEST"));
		assumeTrue(required || (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)),
				"Chromium and ChromeDriver are not installed; .ci/run installs them");
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--disable-dev-shm-usage", "--window-size=1400,1000",
					"--user-data-dir=" + Files.createTempDirectory("relay-chromium"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
		wait = new WebDriverWait(browser, Duration.ofSeconds(10));
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void anAdminSeesTheWebhooksTestsOneAndRedeliversAFailure() throws IOException {
		browser.get("http://localhost:" + port + "/");
		browser.findElement(By.id("token")).sendKeys(OPERATOR_TOKEN);
		browser.findElement(By.id("use-token")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-webhook='switched-off']")));

		assertThat(dot("reopen-on-grant").getAttribute("class")).contains("active").doesNotContain("inactive");
		assertThat(dot("reopen-on-grant").getCssValue("background-color")).isEqualTo("rgba(46, 160, 67, 1)");
		assertThat(dot("switched-off").getAttribute("class")).contains("inactive");
		assertThat(dot("switched-off").getCssValue("background-color")).isEqualTo("rgba(255, 255, 255, 1)");
		assertThat(row("reopen-on-grant").findElement(By.className("circuit")).getText()).isEqualTo("CLOSED");

		target.stubFor(post("/audit").willReturn(okJson("{}")));
		row("created-to-audit").findElement(By.className("test")).click();
		wait.until(ExpectedConditions.textToBe(By.className("detail-status"), "SUCCEEDED"));
		assertThat(browser.findElement(By.className("detail-webhook")).getText()).isEqualTo("created-to-audit");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(
				By.cssSelector("tr[data-webhook='created-to-audit'] .last-outcome"), "SUCCEEDED"));

		target.stubFor(post("/reopen_incident")
			.willReturn(okJson("{\"success\": false, \"message\": \"Authentication Failed\"}")));
		row("reopen-on-grant").findElement(By.className("test")).click();
		wait.until(ExpectedConditions.textToBe(By.className("detail-status"), "FAILED"));
		assertThat(browser.findElement(By.className("detail-last-error")).getText()).contains("Authentication Failed");
		assertThat(browser.findElement(By.id("attempts")).getText()).contains("VALIDATION")
			.contains("$.data.success")
			.contains("{\"success\": false, \"message\": \"Authentication Failed\"}");
		WebElement failed = wait.until(ExpectedConditions
			.presenceOfElementLocated(By.cssSelector("#invocations tr[data-id='" + detailId() + "']")));
		assertThat(failed.findElement(By.className("last-error")).getText()).contains("Authentication Failed");
		screenshot();

		target.stubFor(post("/reopen_incident").willReturn(okJson("{\"success\": true}")));
		failed.findElement(By.className("redeliver")).click();
		wait.until(ExpectedConditions.textToBe(By.className("detail-status"), "SUCCEEDED"));
		assertThat(browser.findElement(By.id("attempts")).findElements(By.className("attempt"))).hasSize(2);
	}

	@Test
	void withoutATokenThePageSaysWhy() {
		browser.get("http://localhost:" + port + "/");
		wait.until(ExpectedConditions.textToBe(By.id("message"), "An admin bearer token is required"));
	}

	private WebElement row(String webhook) {
		return browser.findElement(By.cssSelector("tr[data-webhook='" + webhook + "']"));
	}

	private WebElement dot(String webhook) {
		return row(webhook).findElement(By.className("dot"));
	}

	private String detailId() {
		return browser.findElement(By.id("detail-id")).getText();
	}

	private void screenshot() throws IOException {
		File shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
		Files.copy(shot.toPath(), Path.of("target", "admin-page.png"), StandardCopyOption.REPLACE_EXISTING);
	}

}
