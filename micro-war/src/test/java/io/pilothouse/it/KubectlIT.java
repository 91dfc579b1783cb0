package io.pilothouse.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pilothouse.it.support.Kubectl;
import io.pilothouse.it.support.Kubectl.Result;
import io.pilothouse.it.support.SharedControlPlane;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The real {@code kubectl} (v1.32, from the PATH) against the shared control plane: discovery,
 * create, get in every output format, watch, describe, client-side apply, the three patch types,
 * label, annotate, scale, delete, explain and the errors kubectl shows. Each test works in a
 * namespace of its own, created with {@code kubectl create -f -}.
 */
@ExtendWith(SharedControlPlane.class)
class KubectlIT {

  /** Rows {@code kubectl api-resources} prints: name, short names, version, namespaced, kind. */
  private static final List<String> API_RESOURCES =
      List.of(
          "pods po v1 true Pod",
          "nodes no v1 false Node",
          "namespaces ns v1 false Namespace",
          "services svc v1 true Service",
          "configmaps cm v1 true ConfigMap",
          "events ev v1 true Event",
          "serviceaccounts sa v1 true ServiceAccount",
          "endpoints ep v1 true Endpoints",
          "secrets v1 true Secret",
          "deployments deploy apps/v1 true Deployment",
          "replicasets rs apps/v1 true ReplicaSet",
          "jobs batch/v1 true Job",
          "leases coordination.k8s.io/v1 true Lease",
          "endpointslices discovery.k8s.io/v1 true EndpointSlice");

  private static final String IMAGES = "jsonpath={.spec.template.spec.containers[*].image}";

  private final Kubectl kubectl;

  KubectlIT(ControlPlane api) {
    Path build = Path.of(System.getProperty("pilothouse.build.dir", "target"));
    this.kubectl = Kubectl.forServer(api.root(), build.resolve("kubectl-it/kubeconfig"));
  }

  private Result ok(String... args) {
    return kubectl.ok(args);
  }

  private Result okWith(String manifest, String... args) {
    return kubectl.okWith(manifest, args);
  }

  /** Creates a namespace of the test's own from a manifest on stdin. */
  private String namespace(String name) {
    return kubectl.createNamespace(name);
  }

  @Test
  void apiResourcesListsNamesShortNamesAndKinds() {
    String out = ok("api-resources").stdout();
    for (String row : API_RESOURCES) {
      assertThat(out).containsPattern("(?m)^" + row.replace(" ", "\\s+") + "$");
    }
    assertThat(ok("api-resources", "--api-group=apps", "-o", "name").stdout())
        .isEqualTo("deployments.apps\nreplicasets.apps\n");
  }

  @Test
  void createFromFileThenGetInEveryFormat() {
    String ns = namespace("kubectl-get");
    assertThat(okWith(Manifests.WEB_APP, "create", "-f", "-", "-n", ns).stdout())
        .contains(
            "configmap/web-config created", "deployment.apps/web created", "pod/web-0 created");

    String wide = ok("get", "pods", "-n", ns, "-o", "wide").stdout();
    assertThat(wide.lines().findFirst().orElse(""))
        .containsPattern("NAME\\s+READY\\s+STATUS\\s+RESTARTS\\s+AGE\\s+IP\\s+NODE");
    assertThat(wide).containsPattern("web-0\\s+0/1\\s+Pending\\s+0\\s+");
    assertThat(ok("get", "deploy", "web", "-n", ns).stdout())
        .containsPattern("NAME\\s+READY\\s+UP-TO-DATE\\s+AVAILABLE\\s+AGE")
        .containsPattern("web\\s+0/2\\s+");

    assertThat(ok("get", "configmap", "web-config", "-n", ns, "-o", "yaml").stdout())
        .contains("kind: ConfigMap", "  greeting: hello", "  name: web-config", "resourceVersion:");
    JsonNode json = Json.parse(ok("get", "deployment", "web", "-n", ns, "-o", "json").stdout());
    assertThat(json.path("spec").path("replicas").asInt()).isEqualTo(2);
    assertThat(json.path("metadata").path("generation").asInt()).isEqualTo(1);
    assertThat(json.path("spec").path("strategy").path("type").asString())
        .isEqualTo("RollingUpdate");

    String labelled =
        ok("get", "configmaps,pods", "-n", ns, "-l", "app=web", "-o", "name").stdout();
    // besides web-0, the Deployment's own pods (web-<hash>-<suffix>) carry app=web too
    assertThat(labelled.lines().filter(l -> !l.matches("pod/web-[a-z0-9]+-[a-z0-9]{5}")))
        .containsExactly("configmap/web-config", "pod/web-0");
    assertThat(ok("get", "all", "-n", ns, "-o", "name").stdout())
        .contains("pod/web-0", "deployment.apps/web")
        .doesNotContain("configmap");
  }

  @Test
  void getWatchPrintsAddedModifiedAndDeletedEvents() throws Exception {
    String ns = namespace("kubectl-watch");
    okWith(Manifests.configMap("before", "zero"), "create", "-f", "-", "-n", ns);
    try (Kubectl.Background watch =
        kubectl.background("get", "configmaps", "-n", ns, "-w", "--output-watch-events")) {
      // The initial list prints as ADDED; the watch then starts at the list's resourceVersion.
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> watch.stdout().matches("(?s).*ADDED\\s+before.*"));
      okWith(Manifests.configMap("watched", "one"), "create", "-f", "-", "-n", ns);
      ok("patch", "configmap", "watched", "-n", ns, "-p", "{\"data\":{\"key\":\"two\"}}");
      ok("delete", "configmap", "watched", "-n", ns);
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  assertThat(watch.stdout())
                      .containsPattern("ADDED\\s+watched\\s+1")
                      .containsPattern("MODIFIED\\s+watched\\s+1")
                      .containsPattern("DELETED\\s+watched\\s+1"));
      Result stopped = watch.stop();
      assertThat(stopped.stderr()).as(stopped.toString()).doesNotContain("rror");
    }
  }

  @Test
  void describeShowsTheObjectAndItsSpec() {
    String ns = namespace("kubectl-describe");
    okWith(Manifests.WEB_APP, "create", "-f", "-", "-n", ns);
    assertThat(ok("describe", "deployment", "web", "-n", ns).stdout())
        .containsPattern("Name:\\s+web")
        .containsPattern("Namespace:\\s+" + ns)
        .containsPattern("Replicas:\\s+2 desired")
        .containsPattern("StrategyType:\\s+RollingUpdate")
        .containsPattern("Image:\\s+nginx:1.27");
    assertThat(ok("describe", "pod", "web-0", "-n", ns).stdout())
        .containsPattern("Status:\\s+Pending")
        .containsPattern("QoS Class:\\s+BestEffort")
        .contains("node.kubernetes.io/not-ready:NoExecute op=Exists for 300s");
    assertThat(ok("describe", "configmap", "web-config", "-n", ns).stdout())
        .contains("greeting", "hello");
    assertThat(ok("describe", "namespace", ns).stdout()).containsPattern("Status:\\s+Active");
  }

  @Test
  void applyCreatesThenConfiguresThenLeavesUnchanged() {
    String ns = namespace("kubectl-apply");
    assertThat(okWith(Manifests.WEB_APP, "apply", "-f", "-", "-n", ns).stdout())
        .contains(
            "configmap/web-config created", "deployment.apps/web created", "pod/web-0 created");
    String changed = Manifests.WEB_APP.replace("replicas: 2", "replicas: 3");
    assertThat(okWith(changed, "apply", "-f", "-", "-n", ns).stdout())
        .contains(
            "configmap/web-config unchanged",
            "deployment.apps/web configured",
            "pod/web-0 unchanged");
    assertThat(okWith(changed, "apply", "-f", "-", "-n", ns).stdout())
        .contains(
            "configmap/web-config unchanged",
            "deployment.apps/web unchanged",
            "pod/web-0 unchanged");
    assertThat(ok("get", "deploy", "web", "-n", ns, "-o", "jsonpath={.spec.replicas}").stdout())
        .isEqualTo("3");
    String added = changed.replace("  greeting: hello\n", "  greeting: hello\n  extra: x\n");
    assertThat(okWith(added, "apply", "-f", "-", "-n", ns).stdout())
        .contains("configmap/web-config configured");
    // the key left the manifest: the three-way patch removes it
    assertThat(okWith(changed, "apply", "-f", "-", "-n", ns).stdout())
        .contains("configmap/web-config configured");
    assertThat(ok("get", "cm", "web-config", "-n", ns, "-o", "jsonpath={.data}").stdout())
        .isEqualTo("{\"greeting\":\"hello\"}");
  }

  @Test
  void patchWithEachOfTheThreeTypes() {
    String ns = namespace("kubectl-patch");
    okWith(Manifests.WEB_APP, "create", "-f", "-", "-n", ns);
    String strategic =
        "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"nginx\","
            + "\"image\":\"nginx:1.28\"}]}}}}";
    assertThat(ok("patch", "deployment", "web", "-n", ns, "-p", strategic).stdout())
        .contains("deployment.apps/web patched");
    assertThat(ok("get", "deploy", "web", "-n", ns, "-o", IMAGES).stdout())
        .isEqualTo("nginx:1.28 busybox:1.36");

    ok("patch", "deployment", "web", "-n", ns, "--type=merge", "-p", Manifests.MERGE_LABEL);
    String json = "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":5}]";
    ok("patch", "deployment", "web", "-n", ns, "--type=json", "-p", json);
    String result =
        ok("get", "deploy", "web", "-n", ns, "-o", "jsonpath={.spec.replicas} {.metadata.labels}")
            .stdout();
    assertThat(result).isEqualTo("5 {\"app\":\"web\",\"tier\":\"frontend\"}");

    String versions = "jsonpath={.metadata.generation} {.metadata.resourceVersion}";
    // the Deployment and ReplicaSet controllers write until they have caught up with the patches:
    // wait until the Deployment has been seen at its generation and stopped changing
    String settled =
        "jsonpath={.metadata.generation} {.status.observedGeneration} {.metadata.resourceVersion}";
    String[] last = {""};
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(2))
        .until(
            () -> {
              String now = ok("get", "deploy", "web", "-n", ns, "-o", settled).stdout();
              boolean quiet = now.equals(last[0]) && now.startsWith("3 3 ");
              last[0] = now;
              return quiet;
            });
    String before = ok("get", "deploy", "web", "-n", ns, "-o", versions).stdout();
    Result unchanged = ok("patch", "deployment", "web", "-n", ns, "--type=json", "-p", json);
    assertThat(unchanged.stdout()).contains("deployment.apps/web patched (no change)");
    assertThat(ok("get", "deploy", "web", "-n", ns, "-o", versions).stdout())
        .as("a patch that changes nothing writes nothing")
        .isEqualTo(before)
        .startsWith("3 ");
  }

  @Test
  void labelAndAnnotateAddOverwriteAndRemove() {
    String ns = namespace("kubectl-label");
    okWith(Manifests.configMap("tagged", "v"), "create", "-f", "-", "-n", ns);
    assertThat(ok("label", "configmap", "tagged", "-n", ns, "color=blue").stdout())
        .contains("configmap/tagged labeled");
    Result clash = kubectl.run("label", "configmap", "tagged", "-n", ns, "color=red");
    assertThat(clash.exitCode()).isEqualTo(1);
    assertThat(clash.stderr()).contains("'color' already has a value (blue)");
    ok("label", "configmap", "tagged", "-n", ns, "color=red", "--overwrite");
    assertThat(ok("get", "cm", "-n", ns, "-l", "color=red", "-o", "name").stdout())
        .isEqualTo("configmap/tagged\n");

    assertThat(ok("annotate", "configmap", "tagged", "-n", ns, "owner=team-a").stdout())
        .contains("configmap/tagged annotated");
    ok("annotate", "configmap", "tagged", "-n", ns, "owner=team-b", "--overwrite");
    String meta = "jsonpath={.metadata.labels.color}/{.metadata.annotations.owner}";
    assertThat(ok("get", "cm", "tagged", "-n", ns, "-o", meta).stdout()).isEqualTo("red/team-b");

    ok("label", "configmap", "tagged", "-n", ns, "color-");
    ok("annotate", "configmap", "tagged", "-n", ns, "owner-");
    assertThat(ok("get", "cm", "tagged", "-n", ns, "-o", meta).stdout()).isEqualTo("/");
  }

  @Test
  void scaleSetsDeploymentReplicas() {
    String ns = namespace("kubectl-scale");
    okWith(Manifests.WEB_APP, "create", "-f", "-", "-n", ns);
    assertThat(ok("scale", "deployment", "web", "-n", ns, "--replicas=4").stdout())
        .contains("deployment.apps/web scaled");
    String replicas = "jsonpath={.spec.replicas}";
    assertThat(ok("get", "deploy", "web", "-n", ns, "-o", replicas).stdout()).isEqualTo("4");

    Result stale =
        kubectl.run("scale", "deployment", "web", "-n", ns, "--current-replicas=2", "--replicas=1");
    assertThat(stale.exitCode()).isEqualTo(1);
    assertThat(stale.stderr()).contains("Expected replicas to be 2, was 4");
    ok("scale", "deployment", "web", "-n", ns, "--current-replicas=4", "--replicas=0");
    assertThat(ok("get", "deploy", "web", "-n", ns, "-o", replicas).stdout()).isEqualTo("0");
  }

  @Test
  void deleteByNameByFileAndByLabel() {
    String ns = namespace("kubectl-delete");
    okWith(Manifests.WEB_APP, "create", "-f", "-", "-n", ns);
    okWith(Manifests.configMap("loose", "x"), "create", "-f", "-", "-n", ns);
    assertThat(ok("delete", "configmap", "loose", "-n", ns).stdout())
        .contains("configmap \"loose\" deleted");
    assertThat(ok("delete", "pods,configmaps", "-n", ns, "-l", "app=web").stdout())
        .contains("pod \"web-0\" deleted", "configmap \"web-config\" deleted");
    assertThat(
            okWith(Manifests.WEB_APP, "delete", "-f", "-", "-n", ns, "--ignore-not-found").stdout())
        .contains("deployment.apps \"web\" deleted");
    // the Deployment's ReplicaSet and pods go after it, collected by the garbage collector
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                ok("get", "configmaps,pods,deployments,replicasets", "-n", ns, "-o", "name")
                    .stdout()
                    .isEmpty());
  }

  @Test
  void explainDescribesFieldsFromTheOpenApi() {
    assertThat(ok("explain", "pods.spec.containers").stdout())
        .containsPattern("KIND:\\s+Pod")
        .containsPattern("FIELD:\\s+containers <\\[\\]Container>")
        .contains("DESCRIPTION:", "FIELDS:", "image\t<string>", "name\t<string> -required-");
    assertThat(ok("explain", "deployment.spec.replicas").stdout())
        .containsPattern("GROUP:\\s+apps")
        .containsPattern("FIELD:\\s+replicas <integer>");
  }

  @Test
  void missingObjectIsNotFoundWithExitCodeOne() {
    String ns = namespace("kubectl-missing");
    Result missing = kubectl.run("get", "configmap", "nowhere", "-n", ns);
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.stdout()).isEmpty();
    assertThat(missing.stderr())
        .contains("Error from server (NotFound): configmaps \"nowhere\" not found");
  }

  @Test
  void invalidManifestIsRejectedWithTheField() {
    String ns = namespace("kubectl-invalid");
    String negative = Manifests.DEPLOYMENT.replace("replicas: 2", "replicas: -1");
    Result invalid = kubectl.pipe(negative, "apply", "-f", "-", "-n", ns);
    assertThat(invalid.exitCode()).isEqualTo(1);
    assertThat(invalid.stderr())
        .contains("The Deployment \"web\" is invalid")
        .contains("spec.replicas: Invalid value: -1: must be greater than or equal to 0");
    Result unknown =
        kubectl.pipe(
            Manifests.configMap("odd", "v") + "colour: blue\n", "apply", "-f", "-", "-n", ns);
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.stderr()).contains("unknown field \"colour\"");
    assertThat(ok("get", "deploy,cm", "-n", ns, "-o", "name").stdout()).isEmpty();
  }

  /**
   * kubectl's typed generators ({@code create namespace|configmap|deployment}) send protobuf
   * bodies, not JSON: until the API server decoded protobuf, they got 415 UnsupportedMediaType.
   */
  @Test
  void createGeneratorsSendProtobuf() {
    String ns = "kubectl-generated";
    assertThat(ok("create", "namespace", ns).stdout()).contains("namespace/" + ns + " created");
    ok("create", "configmap", "made", "-n", ns, "--from-literal=key=value");
    ok("create", "deployment", "made", "-n", ns, "--image=nginx:1.27", "--replicas=2");
    assertThat(ok("get", "cm", "made", "-n", ns, "-o", "jsonpath={.data.key}").stdout())
        .isEqualTo("value");
    String deployment = "jsonpath={.spec.replicas} {.spec.template.spec.containers[0].image}";
    assertThat(ok("get", "deploy", "made", "-n", ns, "-o", deployment).stdout())
        .isEqualTo("2 nginx:1.27");
  }
}
