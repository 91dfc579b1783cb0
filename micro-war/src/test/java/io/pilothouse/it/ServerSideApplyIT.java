package io.pilothouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilothouse.it.support.Kubectl;
import io.pilothouse.it.support.Kubectl.Result;
import io.pilothouse.it.support.SharedControlPlane;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Server-side apply through the real kubectl ({@code apply --server-side}) and through HTTP: the
 * create, the managed fields it records, a repeated apply that writes nothing, a conflict with
 * another manager's change and {@code --force-conflicts}, fields left out of the configuration
 * removed, a server-side dry run, and the refusals of malformed apply requests.
 */
@ExtendWith(SharedControlPlane.class)
class ServerSideApplyIT {

  private static final String APPLY = "application/apply-patch+yaml";

  private final ControlPlane api;
  private final Kubectl kubectl;

  ServerSideApplyIT(ControlPlane api) {
    this.api = api;
    Path build = Path.of(System.getProperty("pilothouse.build.dir", "target"));
    this.kubectl = Kubectl.forServer(api.root(), build.resolve("ssa-it/kubeconfig"));
  }

  private String get(String ns, String what, String jsonpath) {
    return kubectl.ok("get", what, "-n", ns, "-o", "jsonpath=" + jsonpath).stdout();
  }

  @Test
  void kubectlAppliesServerSideRecordsOwnershipAndRepeatsWithoutAWrite() throws Exception {
    String ns = kubectl.createNamespace("ssa-kubectl");
    assertThat(
            kubectl
                .okWith(Manifests.WEB_APP, "apply", "--server-side", "-f", "-", "-n", ns)
                .stdout())
        .contains(
            "configmap/web-config serverside-applied",
            "deployment.apps/web serverside-applied",
            "pod/web-0 serverside-applied");

    JsonNode deployment =
        Json.parse(
            kubectl
                .ok("get", "deploy", "web", "-n", ns, "-o", "json", "--show-managed-fields")
                .stdout());
    JsonNode entry = deployment.at("/metadata/managedFields/0");
    assertThat(entry.get("manager").asString()).isEqualTo("kubectl");
    assertThat(entry.get("operation").asString()).isEqualTo("Apply");
    assertThat(entry.at("/fieldsV1/f:spec/f:replicas").isObject()).isTrue();
    assertThat(
            entry
                .at("/fieldsV1/f:spec/f:template/f:spec/f:containers")
                .has("k:{\"name\":\"sidecar\"}"))
        .isTrue();
    assertThat(kubectl.ok("get", "deploy", "web", "-n", ns, "-o", "yaml").stdout())
        .as("kubectl hides managed fields unless asked")
        .doesNotContain("managedFields");

    // a ConfigMap: no controller writes it meanwhile; a second later, so that only the managed
    // fields entry's time (whole seconds) could differ
    String version = get(ns, "cm/web-config", "{.metadata.resourceVersion}");
    Thread.sleep(1100);
    kubectl.okWith(Manifests.CONFIG, "apply", "--server-side", "-f", "-", "-n", ns);
    assertThat(get(ns, "cm/web-config", "{.metadata.resourceVersion}"))
        .as("the same configuration again changes nothing and writes nothing")
        .isEqualTo(version);
  }

  @Test
  void anotherManagersChangeConflictsUntilForcedAndNothingIsWrittenMeanwhile() {
    String ns = kubectl.createNamespace("ssa-conflict");
    kubectl.okWith(Manifests.DEPLOYMENT, "apply", "--server-side", "-f", "-", "-n", ns);
    kubectl.ok("scale", "deployment", "web", "-n", ns, "--replicas=5");

    Result conflict =
        kubectl.pipe(Manifests.DEPLOYMENT, "apply", "--server-side", "-f", "-", "-n", ns);
    assertThat(conflict.exitCode()).as(conflict.toString()).isEqualTo(1);
    assertThat(conflict.stderr())
        .contains("Apply failed with 1 conflict: conflict with \"kubectl", ".spec.replicas")
        .contains("--force-conflicts");
    assertThat(get(ns, "deploy/web", "{.spec.replicas}")).isEqualTo("5");

    kubectl.okWith(
        Manifests.DEPLOYMENT, "apply", "--server-side", "--force-conflicts", "-f", "-", "-n", ns);
    assertThat(get(ns, "deploy/web", "{.spec.replicas}")).isEqualTo("2");
  }

  @Test
  void fieldsLeftOutOfTheConfigurationAreRemovedAndADryRunStoresNothing() {
    String ns = kubectl.createNamespace("ssa-remove");
    String twoKeys =
        Manifests.CONFIG.replace("  greeting: hello\n", "  greeting: hello\n  extra: x\n");
    kubectl.okWith(twoKeys, "apply", "--server-side", "-f", "-", "-n", ns);
    assertThat(get(ns, "cm/web-config", "{.data}"))
        .isEqualTo("{\"extra\":\"x\",\"greeting\":\"hello\"}");

    String changed = Manifests.CONFIG.replace("hello", "hi");
    kubectl.okWith(changed, "apply", "--server-side", "--dry-run=server", "-f", "-", "-n", ns);
    assertThat(get(ns, "cm/web-config", "{.data}"))
        .isEqualTo("{\"extra\":\"x\",\"greeting\":\"hello\"}");

    kubectl.okWith(changed, "apply", "--server-side", "-f", "-", "-n", ns);
    assertThat(get(ns, "cm/web-config", "{.data}")).isEqualTo("{\"greeting\":\"hi\"}");
  }

  @Test
  void malformedApplyRequestsAreRefusedAndChangeNothing() throws Exception {
    String ns = kubectl.createNamespace("ssa-http");
    String path = "/api/v1/namespaces/" + ns + "/configmaps/c";
    String config = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\"}}";

    HttpResponse<String> noManager = api.send("PATCH", path, APPLY, config);
    assertThat(noManager.statusCode()).isEqualTo(422);
    assertThat(noManager.body()).contains("\"reason\":\"Invalid\"", "fieldManager: Required value");

    HttpResponse<String> noKind =
        api.send("PATCH", path + "?fieldManager=t", APPLY, "{\"metadata\":{\"name\":\"c\"}}");
    assertThat(noKind.statusCode()).isEqualTo(400);

    HttpResponse<String> badYaml = api.send("PATCH", path + "?fieldManager=t", APPLY, "a: [");
    assertThat(badYaml.statusCode()).isEqualTo(400);
    assertThat(api.get(path).statusCode()).isEqualTo(404);

    HttpResponse<String> created = api.send("PATCH", path + "?fieldManager=t", APPLY, config);
    assertThat(created.statusCode()).isEqualTo(201);
    HttpResponse<String> again = api.send("PATCH", path + "?fieldManager=t", APPLY, config);
    assertThat(again.statusCode()).isEqualTo(200);

    HttpResponse<String> forcedMerge =
        api.send(
            "PATCH",
            path + "?force=true",
            "application/merge-patch+json",
            "{\"data\":{\"a\":\"b\"}}");
    assertThat(forcedMerge.statusCode()).isEqualTo(422);
    assertThat(forcedMerge.body()).contains("may not be specified for non-apply patch");
    assertThat(Json.parse(api.get(path).body()).has("data")).isFalse();
  }
}
