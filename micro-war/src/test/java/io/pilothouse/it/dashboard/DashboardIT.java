package io.pilothouse.it.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilothouse.it.ControlPlane;
import io.pilothouse.it.support.Browser;
import io.pilothouse.it.support.NodeAgentProcess;
import io.pilothouse.it.support.SharedControlPlane;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/**
 * The dashboard in a real browser (headless Debian chromium) against the deployed control plane and
 * a real node agent ({@value #AGENT_NODE}, process runtime): each flow makes its objects through
 * the API, works the page as a user would, checks the outcome through the API too, and saves
 * screenshots under {@code target/screenshots/}. The agent's Node carries a taint of its own, so
 * only the pods of this class that tolerate it run there.
 */
@ExtendWith(SharedControlPlane.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardIT {

  @org.junit.jupiter.api.extension.RegisterExtension
  final org.junit.jupiter.api.extension.TestWatcher screenshotOnFailure =
      new org.junit.jupiter.api.extension.TestWatcher() {
        @Override
        public void testFailed(
            org.junit.jupiter.api.extension.ExtensionContext context, Throwable cause) {
          try {
            browser.screenshot("FAILED-" + context.getRequiredTestMethod().getName());
          } catch (Exception e) {
            cause.addSuppressed(e);
          }
        }
      };

  static final String AGENT_NODE = "ui-agent";
  private static final String AGENT_TAINT = "pilothouse.io/dashboard-it";

  private ControlPlane api;
  private ClusterObjects cluster;
  private Browser browser;
  private NodeAgentProcess agent;

  @BeforeAll
  void openBrowser(ControlPlane controlPlane) throws Exception {
    api = controlPlane;
    cluster = new ClusterObjects(api);
    agent =
        NodeAgentProcess.start(
            api.root(),
            AGENT_NODE,
            "127.0.78.1",
            "127.203.1.0/24",
            "--no-proxy",
            "--register-with-taints",
            AGENT_TAINT + "=true:NoSchedule");
    browser = new Browser(api.root());
  }

  @AfterAll
  void closeBrowser() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (agent != null) {
      agent.close();
      api.send("DELETE", "/api/v1/nodes/" + AGENT_NODE, "application/json", "{}");
    }
  }

  /** "Ready" as a node status of its own (not the end of "NotReady"). */
  private static final java.util.regex.Pattern READY =
      java.util.regex.Pattern.compile("\\bReady\\b");

  private static String id(String clientId) {
    return "[id='" + clientId + "']";
  }

  private WebElement row(String tableId, String text) {
    return browser.waitFor(
        d ->
            d.findElements(By.cssSelector(id(tableId + "_data") + " > tr")).stream()
                .filter(tr -> tr.getText().contains(text))
                .findFirst()
                .orElse(null));
  }

  /**
   * The text of the row holding {@code text}, read in the same wait that finds it: a live update
   * may re-render the table between finding a row and reading it.
   */
  private String rowText(String tableId, String text) {
    return browser.waitFor(d -> row(tableId, text).getText());
  }

  /**
   * Clicks a row's button, looking the row up again if a live update re-renders the table between
   * finding and clicking.
   */
  private void clickInRow(String tableId, String text, String button) {
    browser.waitFor(
        d -> {
          row(tableId, text).findElement(By.cssSelector("button[id$=':" + button + "']")).click();
          return true;
        });
  }

  private void search(String inputId, String text) {
    WebElement input = browser.find(id(inputId));
    input.clear();
    input.sendKeys(text);
    browser.pause(Duration.ofMillis(600)); // the field sends its request 300 ms after typing stops
    browser.ajaxDone();
  }

  @Test
  void nodesListShowsTheNodes() throws Exception {
    cluster.node("ui-list-a");
    cluster.node("ui-list-b");
    browser.open("nodes.xhtml");
    search("nodesForm:search", "ui-list-");
    assertThat(rowText("nodesForm:nodes", "ui-list-a")).contains("Ready", "worker");
    assertThat(rowText("nodesForm:nodes", "ui-list-b")).contains("0 / 4");
    browser.screenshot("nodes-list");
    search("nodesForm:search", AGENT_NODE);
    browser.waitFor(d -> READY.matcher(row("nodesForm:nodes", AGENT_NODE).getText()).find());
    browser.screenshot("nodes-list-agent");
  }

  @Test
  void cordonMarksTheNodeUnschedulable() throws Exception {
    cluster.node("ui-cordon");
    browser.open("nodes.xhtml");
    search("nodesForm:search", "ui-cordon");
    clickInRow("nodesForm:nodes", "ui-cordon", "cordon");
    browser.waitFor(
        d -> row("nodesForm:nodes", "ui-cordon").getText().contains("SchedulingDisabled"));
    browser.screenshot("nodes-cordoned");
    assertThat(cluster.field("/api/v1/nodes/ui-cordon", "spec.unschedulable")).isEqualTo("true");
  }

  @Test
  void drainCordonsAndEvictsThePodsAfterNamingThem() throws Exception {
    cluster.node("ui-drain");
    cluster.namespace("ui-drain");
    cluster.pod("ui-drain", "web-1", "ui-drain");
    cluster.pod("ui-drain", "web-2", "ui-drain");
    browser.open("node.xhtml?name=ui-drain");
    browser.find(id("nodeForm:drain")).click();
    browser.waitForText(id("drainSummary"), "Drain ui-drain: cordon it and evict 2 pods");
    browser.screenshot("drain-confirm");
    browser.find(id("drainForm:confirmDrain")).click();
    // the drain runs in the background and the dialog follows it: these pods are bound to a node
    // with no kubelet, so they stay terminating, and the dialog says so while it waits
    browser.waitForText(id("drainResult"), "2 of 2 pods evicted, 2 terminating");
    browser.screenshot("drain-progress");
    assertThat(cluster.field("/api/v1/nodes/ui-drain", "spec.unschedulable")).isEqualTo("true");
    for (String pod : List.of("web-1", "web-2")) {
      String path = "/api/v1/namespaces/ui-drain/pods/" + pod;
      assertThat(
              cluster.get(path) == null
                  || cluster.field(path, "metadata.deletionTimestamp") != null)
          .as("pod %s evicted", pod)
          .isTrue();
    }
  }

  @Test
  void podsListFiltersByNamespaceAndSearch() throws Exception {
    cluster.namespace("ui-pods-a");
    cluster.namespace("ui-pods-b");
    cluster.pod("ui-pods-a", "web-1", null);
    cluster.pod("ui-pods-a", "db-1", null);
    cluster.pod("ui-pods-b", "web-1", null);
    browser.open("pods.xhtml");
    browser.find(id("podsForm:namespaces")).click();
    browser.waitFor(
        d -> d.findElement(By.cssSelector(id("podsForm:namespaces_panel"))).isDisplayed());
    browser.animationsDone();
    WebElement item =
        browser.waitFor(
            d ->
                d.findElements(By.cssSelector(id("podsForm:namespaces_panel") + " li")).stream()
                    .filter(li -> li.getText().trim().equals("ui-pods-a"))
                    .findFirst()
                    .orElse(null));
    item.findElement(By.cssSelector(".ui-chkbox-box")).click();
    browser.ajaxDone();
    browser.find("body").click();
    assertThat(browser.text(id("podsForm:namespaces"))).contains("ui-pods-a");
    browser.waitFor(
        d ->
            rowsText().stream().allMatch(t -> t.startsWith("ui-pods-a")) && rowsText().size() == 2);
    search("podsForm:search", "web");
    browser.waitFor(d -> rowsText().size() == 1);
    assertThat(rowsText().get(0)).startsWith("ui-pods-a").contains("web-1", "Pending");
    browser.screenshot("pods-filtered");
    search("podsForm:search", "app=db");
    browser.waitFor(d -> rowsText().size() == 1 && rowsText().get(0).contains("db-1"));
  }

  /**
   * The pods table's rows; read again when the table was re-rendered under the reading (a change
   * pushed from the server refreshes it at any moment).
   */
  private List<String> rowsText() {
    for (int attempt = 1; ; attempt++) {
      try {
        return browser.all(id("podsForm:pods_data") + " > tr").stream()
            .map(WebElement::getText)
            .filter(t -> !t.contains("No pods match"))
            .toList();
      } catch (StaleElementReferenceException rerendered) {
        if (attempt == 5) {
          throw rerendered;
        }
      }
    }
  }

  @Test
  void podDetailMasksSecretValuesInTheEnvironment() throws Exception {
    cluster.namespace("ui-secret");
    cluster.secretAndPodUsingIt("ui-secret", "app-1", "s3cr3t-value");
    browser.open("pod.xhtml?namespace=ui-secret&name=app-1");
    browser.waitForText("Pod ui-secret/app-1");
    browser.driver().findElement(By.linkText("Environment")).click();
    browser.waitForText(id("podForm:tabs:env"), "DB_PASSWORD");
    assertThat(browser.text(id("podForm:tabs:env")))
        .contains("hello", "••••••", "Secret db, key password");
    assertThat(browser.driver().getPageSource()).doesNotContain("s3cr3t-value");
    browser.screenshot("pod-env-masked");
  }

  @Test
  void deletingAPodAsksFirstAndNamesIt() throws Exception {
    cluster.namespace("ui-delete");
    cluster.pod("ui-delete", "doomed-1", null);
    browser.open("pods.xhtml");
    search("podsForm:search", "doomed-1");
    clickInRow("podsForm:pods", "doomed-1", "delete");
    browser.waitForText(".ui-confirm-dialog-message", "Delete pod ui-delete/doomed-1?");
    browser.screenshot("pod-delete-confirm");
    assertThat(cluster.get("/api/v1/namespaces/ui-delete/pods/doomed-1")).isNotNull();
    browser.find(id("podsForm:confirm-yes")).click();
    browser.waitFor(d -> cluster_gone("/api/v1/namespaces/ui-delete/pods/doomed-1"));
    browser.waitFor(d -> rowsText().isEmpty());
    browser.screenshot("pod-deleted");
  }

  private boolean cluster_gone(String path) {
    try {
      return cluster.get(path) == null;
    } catch (Exception e) {
      return false;
    }
  }

  @Test
  void createFromYamlShowsValidationErrorsAtTheFieldAndCreatesNothing() throws Exception {
    browser.open("create.xhtml");
    setEditor(
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: ui-invalid
          namespace: default
        spec:
          containers:
          - name: main
        """);
    browser.find(id("createForm:create")).click();
    browser.waitForText(id("createForm:fieldErrors"), "spec.containers[0].image");
    browser.screenshot("create-422");
    assertThat(cluster.get("/api/v1/namespaces/default/pods/ui-invalid")).isNull();

    setEditor("kind: Pod\nmetadata: [unclosed\n");
    browser.find(id("createForm:create")).click();
    browser.waitForMessage("The YAML could not be read");
    browser.screenshot("create-bad-yaml");
    assertThat(browser.bodyText()).doesNotContain("Exception", "at io.");
  }

  @Test
  void createFromYamlRunsThePodAndShowsItsLogs() throws Exception {
    browser.open("create.xhtml");
    setEditor(
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: ui-created
          namespace: default
        spec:
          nodeSelector:
            kubernetes.io/hostname: %s
          tolerations:
          - key: %s
            operator: Exists
          containers:
          - name: main
            image: busybox
            command: ["sh", "-c", "echo hello from ui-created; sleep 3600"]
          terminationGracePeriodSeconds: 1
        """
            .formatted(AGENT_NODE, AGENT_TAINT));
    browser.find(id("createForm:create")).click();
    browser.waitForMessage("Created pods default/ui-created");
    assertThat(cluster.get("/api/v1/namespaces/default/pods/ui-created")).isNotNull();
    browser.find(id("createForm:createdLink") + " a").click();
    browser.waitForText("Pod default/ui-created");
    awaitPhase("default", "ui-created", "Running");
    browser.driver().navigate().refresh();
    browser.waitForText("Running");
    browser.screenshot("pod-running");
    // the page re-renders live as the kubelet reports, so open the tab and read within the wait
    browser.waitFor(
        d -> {
          d.findElement(By.linkText("Logs")).click();
          d.findElement(By.cssSelector(id("podForm:tabs:readLog"))).click();
          browser.ajaxDone();
          return d.findElement(By.id("logText")).getText().contains("hello from ui-created");
        });
    browser.screenshot("pod-logs");
    api.send("DELETE", "/api/v1/namespaces/default/pods/ui-created", "application/json", "{}");
  }

  /** Waits (up to 90 s: the agent registers, then starts the process) for a pod's phase. */
  private void awaitPhase(String namespace, String pod, String phase) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    String path = "/api/v1/namespaces/" + namespace + "/pods/" + pod;
    while (!phase.equals(cluster.field(path, "status.phase"))) {
      assertThat(System.nanoTime()).as(pod + " never reached " + phase).isLessThan(deadline);
      Thread.sleep(250);
    }
  }

  private void setEditor(String yaml) {
    WebElement editor = browser.find(id("createForm:yaml"));
    browser.js("arguments[0].value = arguments[1];", editor, yaml);
  }

  @Test
  void scalingADeploymentRunsThreePods() throws Exception {
    cluster.namespace("ui-scale");
    cluster.deploymentOn("ui-scale", "shop", 1, AGENT_NODE, AGENT_TAINT);
    browser.open("list.xhtml?group=apps&resource=deployments");
    search("listForm:search", "shop");
    WebElement replicas = browser.find(id("listForm:replicas_input"));
    replicas.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "3");
    clickInRow("listForm:table", "shop", "scale");
    browser.waitFor(d -> row("listForm:table", "shop").getText().contains("/3"));
    assertThat(cluster.field("/apis/apps/v1/namespaces/ui-scale/deployments/shop", "spec.replicas"))
        .isEqualTo("3");
    // the READY column follows live as the agent starts the three processes
    browser.waitFor(d -> row("listForm:table", "shop").getText().contains("3/3"));
    browser.screenshot("deployment-scaled");
    browser.open("pods.xhtml");
    search("podsForm:search", "shop-");
    browser.waitFor(d -> rowsText().stream().filter(r -> r.contains("Running")).count() == 3);
    browser.screenshot("deployment-scaled-pods");
  }

  @Test
  void aChangeMadeThroughTheApiAppearsInAnOpenPageWithoutReload() throws Exception {
    cluster.namespace("ui-live");
    browser.open("pods.xhtml");
    browser.waitFor(
        d -> "open".equals(browser.js("return document.body.getAttribute('data-live')")));
    search("podsForm:search", "live-");
    browser.js("window.notReloaded = true;");
    long start = System.nanoTime();
    cluster.pod("ui-live", "live-1", null);
    row("podsForm:pods", "live-1");
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.println(
        "dashboard live update: pod visible in the browser " + millis + " ms after create");
    assertThat(browser.js("return window.notReloaded === true")).isEqualTo(true);
    browser.screenshot("pods-live-update");
  }

  @Test
  void namespacesAreCreatedAndDeleted() throws Exception {
    browser.open("list.xhtml?resource=namespaces");
    WebElement name = browser.find(id("listForm:newNamespace"));
    name.sendKeys("ui-made-here");
    browser.find(id("listForm:createNamespace")).click();
    browser.waitForMessage("Created namespace ui-made-here");
    search("listForm:search", "ui-made-here");
    row("listForm:table", "ui-made-here");
    assertThat(cluster.get("/api/v1/namespaces/ui-made-here")).isNotNull();
    clickInRow("listForm:table", "ui-made-here", "delete");
    browser.waitForText(".ui-confirm-dialog-message", "Delete namespace ui-made-here?");
    browser.find(id("listForm:confirm-yes")).click();
    browser.waitForMessage("Deleted namespace ui-made-here");
    browser.screenshot("namespace-deleted");
    browser.waitFor(
        d -> {
          try {
            String phase = cluster.field("/api/v1/namespaces/ui-made-here", "status.phase");
            return phase == null || phase.equals("Terminating");
          } catch (Exception e) {
            return false;
          }
        });
  }

  @Test
  void objectHistoryShowsWhatEachRevisionChanged() throws Exception {
    cluster.node("ui-history");
    cluster.patchLabels("/api/v1/nodes/ui-history", "{\"tier\":\"gold\"}");
    browser.open("node.xhtml?name=ui-history");
    browser.driver().findElement(By.linkText("History")).click();
    browser.waitForText(id("nodeForm:tabs:history"), "MODIFIED");
    List<String> added =
        browser.waitFor(
            d ->
                d
                    .findElements(By.cssSelector(id("nodeForm:tabs:history") + " .ph-diff-add"))
                    .stream()
                    .map(WebElement::getText)
                    .toList());
    assertThat(added).anyMatch(line -> line.contains("tier") && line.contains("gold"));
    assertThat(browser.text(id("nodeForm:tabs:history"))).contains("ADDED", "ago");
    browser.screenshot("node-history");
  }

  @Test
  void badInputShowsAMessageNeverAStackTrace() throws Exception {
    browser.open("list.xhtml?resource=nosuchthings");
    browser.waitForMessage("the server does not serve nosuchthings");
    browser.screenshot("bad-resource");
    browser.open("pods.xhtml");
    search("podsForm:search", "app in (");
    browser.waitForMessage("expected");
    browser.screenshot("bad-selector");
    assertThat(browser.driver().getPageSource()).doesNotContain("at io.pilothouse", "Exception:");
  }
}
