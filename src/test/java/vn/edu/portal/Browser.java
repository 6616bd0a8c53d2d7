package vn.edu.portal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real browser (Debian's Chromium, headless) for the end-to-end journeys. Every page it
 * opens is checked with axe-core; a serious or critical violation fails the test. Without
 * Chromium the journeys are skipped, unless {@code PORTAL_BROWSER_TESTS=required} (as in
 * CI).
 */
public final class Browser implements AutoCloseable {

	public static final Dimension DESKTOP = new Dimension(1366, 768);

	public static final Dimension PHONE = new Dimension(390, 844);

	private static final File CHROMIUM = new File("/usr/bin/chromium");

	private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

	private static final java.util.concurrent.atomic.AtomicInteger SCREENSHOTS = new java.util.concurrent.atomic.AtomicInteger();

	private final ChromeDriver driver;

	private final String base;

	private final Path profile;

	public Browser(int port, Dimension size) {
		requireChromium();
		try {
			this.profile = Files.createTempDirectory("portal-chromium");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
				"--user-data-dir=" + this.profile, "--window-size=" + size.getWidth() + "," + size.getHeight());
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		// Chromium keeps windows at least 500 pixels wide: emulate the exact screen
		// instead.
		// No animations: accessibility is checked on the page at rest, not halfway
		// through a transition.
		this.driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("features",
				java.util.List.of(java.util.Map.of("name", "prefers-reduced-motion", "value", "reduce"))));
		this.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", size.getWidth(),
				"height", size.getHeight(), "deviceScaleFactor", 1, "mobile", size.getWidth() < 500));
		this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		this.driver.executeCdpCommand("Browser.setDownloadBehavior",
				java.util.Map.of("behavior", "allow", "downloadPath", downloads().toString()));
		this.base = "http://localhost:" + port;
	}

	private Path downloads() {
		return this.profile.resolve("downloads");
	}

	/** Waits for a download whose name ends so, and answers where it is. */
	public Path downloaded(String suffix) {
		return new WebDriverWait(this.driver, Duration.ofSeconds(20)).until((driver) -> {
			try (var files = Files.list(downloads())) {
				return files.filter((file) -> file.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
			}
			catch (IOException ex) {
				return null;
			}
		});
	}

	private static void requireChromium() {
		boolean available = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
		if (!available && "required".equals(System.getenv("PORTAL_BROWSER_TESTS"))) {
			throw new IllegalStateException(
					"Chromium and chromedriver are required: apt-get install chromium " + "chromium-driver");
		}
		Assumptions.assumeTrue(available, "Chromium is not installed: browser journeys skipped");
	}

	/** Opens a page of the portal and checks its accessibility. */
	public Browser open(String path) {
		this.driver.get(this.base + path);
		return checkAccessibility();
	}

	public Browser type(String id, String text) {
		WebElement field = this.driver.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
		return this;
	}

	/** Chooses a file in a file input. */
	public Browser attach(String id, Path file) {
		this.driver.findElement(By.id(id)).sendKeys(file.toAbsolutePath().toString());
		return this;
	}

	/** Runs a script in the page and answers its result. */
	public Object script(String script) {
		return ((org.openqa.selenium.JavascriptExecutor) this.driver).executeScript(script);
	}

	/**
	 * Runs an asynchronous script (its last argument is the callback) and answers its
	 * result.
	 */
	public Object asyncScript(String script) {
		return this.driver.executeAsyncScript(script);
	}

	/**
	 * Gives the browser a platform authenticator (Chrome DevTools' virtual authenticator)
	 * that holds discoverable passkeys and verifies its user.
	 */
	public org.openqa.selenium.virtualauthenticator.VirtualAuthenticator addPasskeyAuthenticator() {
		var options = new org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions()
			.setProtocol(org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions.Protocol.CTAP2)
			.setTransport(org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions.Transport.INTERNAL)
			.setHasResidentKey(true)
			.setHasUserVerification(true)
			.setIsUserVerified(true)
			.setIsUserConsenting(true);
		return this.driver.addVirtualAuthenticator(options);
	}

	public String valueOfName(String name) {
		return this.driver.findElement(By.name(name)).getDomProperty("value");
	}

	public boolean isChecked(String id) {
		return this.driver.findElement(By.id(id)).isSelected();
	}

	public String value(String id) {
		return this.driver.findElement(By.id(id)).getDomProperty("value");
	}

	/** Types into a field key by key, as a person does, so that type-ahead reacts. */
	public Browser typeSlowly(String id, String text) {
		WebElement field = this.driver.findElement(By.id(id));
		field.clear();
		for (char c : text.toCharArray()) {
			field.sendKeys(String.valueOf(c));
		}
		return this;
	}

	/**
	 * Clicks once the element can be clicked; check what it shows with
	 * {@link #checkAccessibility()}.
	 */
	public Browser click(By by) {
		WebElement element = wait(ExpectedConditions.elementToBeClickable(by));
		element.click();
		return this;
	}

	public Browser submit(By by) {
		WebElement element = this.driver.findElement(by);
		element.click();
		new WebDriverWait(this.driver, Duration.ofSeconds(15)).until((driver) -> "complete"
			.equals(((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return document.readyState")));
		return checkAccessibility();
	}

	public Browser login(String username, String password) {
		open("/login");
		type("username", username);
		type("password", password);
		return submit(By.cssSelector("main form button[type=submit]"));
	}

	public String text() {
		return this.driver.findElement(By.tagName("body")).getText();
	}

	public String heading() {
		return this.driver.findElement(By.cssSelector("main h1")).getText();
	}

	public String language() {
		return this.driver.findElement(By.tagName("html")).getAttribute("lang");
	}

	public String path() {
		return this.driver.getCurrentUrl().substring(this.base.length());
	}

	public boolean isDisplayed(By by) {
		return this.driver.findElements(by).stream().anyMatch(WebElement::isDisplayed);
	}

	/**
	 * Waits for a condition; an element that goes stale while the page loads (a condition
	 * reading the page's text during a navigation) counts as "not yet".
	 */
	public <T> T wait(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
		return new WebDriverWait(this.driver, Duration.ofSeconds(15))
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(condition);
	}

	public Browser checkAccessibility() {
		saveScreenshot();
		Results results = new AxeBuilder().analyze(this.driver);
		List<Rule> serious = results.getViolations()
			.stream()
			.filter((rule) -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
			.toList();
		assertThat(serious).as(() -> "accessibility of " + path() + ":\n" + describe(serious)).isEmpty();
		return this;
	}

	/**
	 * With {@code -Dportal.screenshots=DIR}, every checked page is also saved as a PNG,
	 * to look at.
	 */
	private void saveScreenshot() {
		String directory = System.getProperty("portal.screenshots");
		if (directory == null || directory.isBlank()) {
			return;
		}
		try {
			Path folder = Files.createDirectories(Path.of(directory));
			Object width = this.driver.executeScript("return window.innerWidth");
			String name = String.format("%03d-%spx%s.png", SCREENSHOTS.incrementAndGet(), width,
					path().replaceAll("[^A-Za-z0-9]+", "-"));
			Files.write(folder.resolve(name), this.driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String describe(List<Rule> rules) {
		return rules.stream()
			.map((rule) -> rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
					+ rule.getNodes().stream().map((node) -> String.valueOf(node.getTarget())).toList())
			.collect(Collectors.joining("\n"));
	}

	@Override
	public void close() {
		this.driver.quit();
		try (var files = Files.walk(this.profile)) {
			files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
		catch (IOException ex) {
			// A temporary profile left behind is harmless.
		}
	}

}
