package io.pilothouse.it.support;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian chromium driven by chromium-driver (no driver download: both come from apt),
 * pointed at the dashboard of the control plane under test. Saves screenshots under {@code
 * target/screenshots/} and waits for conditions rather than sleeping.
 */
public final class Browser implements AutoCloseable {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private final ChromeDriver driver;
  private final URI root;
  private final Path screenshots;

  public Browser(URI root) throws IOException {
    this.root = root;
    this.screenshots =
        Path.of(System.getProperty("pilothouse.build.dir", "target")).resolve("screenshots");
    Files.createDirectories(screenshots);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(firstExisting("/usr/bin/chromium", "/usr/bin/chromium-browser"));
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1440,960",
        "--lang=en-US");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(firstExisting("/usr/bin/chromedriver")))
            .usingAnyFreePort()
            .build();
    this.driver = new ChromeDriver(service, options);
  }

  private static String firstExisting(String... paths) {
    for (String path : paths) {
      if (new File(path).canExecute()) {
        return path;
      }
    }
    throw new IllegalStateException(
        "not installed: " + List.of(paths) + " (apt-get install chromium chromium-driver)");
  }

  /** Opens a dashboard page, e.g. {@code pods.xhtml}. */
  public Browser open(String page) {
    driver.get(root.resolve("/dashboard/" + page).toString());
    waitFor(d -> "complete".equals(js("return document.readyState")));
    return this;
  }

  public WebDriver driver() {
    return driver;
  }

  public WebElement find(String css) {
    return waitFor(d -> d.findElement(By.cssSelector(css)));
  }

  public List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /** Waits until the condition yields a non-null, non-false value. */
  public <T> T waitFor(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, WAIT)
        .ignoring(org.openqa.selenium.NoSuchElementException.class)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        // a tab or dialog still sliding in: its controls exist but take no click yet
        .ignoring(org.openqa.selenium.ElementNotInteractableException.class)
        .until(condition);
  }

  /**
   * The text of the element at {@code css}, found and read in one wait so that a re-render between
   * the two does not fail the read.
   */
  public String text(String css) {
    return waitFor(d -> d.findElement(By.cssSelector(css)).getText());
  }

  /**
   * Waits until no jQuery animation runs: a panel sliding open moves its items, so a click while it
   * moves can land on a neighbour.
   */
  public void animationsDone() {
    waitFor(
        d -> Boolean.TRUE.equals(js("return !window.jQuery || jQuery(':animated').length === 0")));
  }

  /** Waits until the page's text contains {@code text}. */
  public void waitForText(String text) {
    waitFor(d -> d.findElement(By.tagName("body")).getText().contains(text));
  }

  /** Waits until the text of the element at {@code css} contains {@code text}. */
  public void waitForText(String css, String text) {
    waitFor(d -> d.findElement(By.cssSelector(css)).getText().contains(text));
  }

  /**
   * Waits until a growl message holding {@code text} has been shown (read from the DOM: the growl
   * fades messages in and out, so they are not always "visible" to WebDriver when checked).
   */
  public void waitForMessage(String text) {
    waitFor(
        d ->
            String.valueOf(
                    js(
                        "var g = document.getElementById('messages_container');"
                            + " return g ? g.textContent : '';"))
                .contains(text));
  }

  /** Waits until no PrimeFaces ajax request is running. */
  public void ajaxDone() {
    waitFor(
        d ->
            Boolean.TRUE.equals(
                js(
                    "return !window.PrimeFaces || !PrimeFaces.ajax ||"
                        + " PrimeFaces.ajax.Queue.isEmpty()")));
  }

  /** Lets the page's own timers run (a debounced search field), then returns. */
  public void pause(Duration time) {
    new org.openqa.selenium.interactions.Actions(driver).pause(time).perform();
  }

  public Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  public String bodyText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** Saves a screenshot as {@code target/screenshots/<name>.png}. */
  public Path screenshot(String name) throws IOException {
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Path target = screenshots.resolve(name + ".png");
    Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    return target;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
