package io.pilothouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilothouse.it.support.Kubectl;
import io.pilothouse.it.support.SharedControlPlane;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code fieldValidation} as kube-apiserver applies it: unknown and duplicate fields are warned
 * about with {@code Warning: 299 - "..."} headers under {@code Warn} (the default when the
 * parameter is absent), refused under {@code Strict}, let through silently under {@code Ignore};
 * kubectl prints the warnings.
 */
@ExtendWith(SharedControlPlane.class)
class FieldValidationIT {

  private static final String UNKNOWN =
      "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"%s\"},"
          + "\"data\":{\"k\":\"v\"},\"colour\":\"blue\"}";

  private final ControlPlane api;
  private final Kubectl kubectl;
  private final String ns = "fv-" + UUID.randomUUID().toString().substring(0, 8);

  FieldValidationIT(ControlPlane api) throws Exception {
    this.api = api;
    Path build = Path.of(System.getProperty("pilothouse.build.dir", "target"));
    this.kubectl = Kubectl.forServer(api.root(), build.resolve("field-validation-it/kubeconfig"));
    api.send(
        "POST",
        "/api/v1/namespaces",
        "application/json",
        "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + ns + "\"}}");
  }

  @Test
  void unknownFieldIsAWarningByDefault() throws Exception {
    HttpResponse<String> created = post("", UNKNOWN.formatted("by-default"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.headers().allValues("Warning"))
        .containsExactly("299 - \"unknown field \\\"colour\\\"\"");
  }

  @Test
  void duplicateFieldsAreWarnedUnderWarnAndRefusedUnderStrict() throws Exception {
    String twice =
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"%s\"},"
            + "\"data\":{\"k\":\"1\",\"k\":\"2\"}}";
    HttpResponse<String> warned = post("?fieldValidation=Warn", twice.formatted("twice"));
    assertThat(warned.statusCode()).as(warned.body()).isEqualTo(201);
    assertThat(warned.headers().allValues("Warning"))
        .containsExactly("299 - \"duplicate field \\\"data.k\\\"\"");

    HttpResponse<String> refused = post("?fieldValidation=Strict", twice.formatted("strict"));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(Json.path(refused.body(), "message"))
        .isEqualTo("strict decoding error: duplicate field \"data.k\"");
  }

  @Test
  void unknownFieldsAreNeverStoredAsUpstreamDropsThemWhileDecoding() throws Exception {
    HttpResponse<String> created = post("?fieldValidation=Ignore", UNKNOWN.formatted("dropped"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(Json.parse(created.body()).has("colour")).isFalse();
    String path = "/api/v1/namespaces/" + ns + "/configmaps/dropped";
    assertThat(Json.parse(api.get(path).body()).has("colour")).isFalse();

    HttpResponse<String> patched =
        api.send(
            "PATCH",
            path,
            "application/merge-patch+json",
            "{\"colour\":\"red\",\"data\":{\"k2\":\"v2\"}}");
    assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
    assertThat(Json.parse(api.get(path).body()).has("colour")).isFalse();
    assertThat(Json.path(api.get(path).body(), "data.k2")).isEqualTo("v2");
  }

  @Test
  void aStrictPatchAddingAnUnknownFieldIsRefusedAndChangesNothing() throws Exception {
    assertThat(post("", UNKNOWN.formatted("strict-patch")).statusCode()).isEqualTo(201);
    String path = "/api/v1/namespaces/" + ns + "/configmaps/strict-patch";
    String before = Json.path(api.get(path).body(), "metadata.resourceVersion");

    HttpResponse<String> refused =
        api.send(
            "PATCH",
            path + "?fieldValidation=Strict",
            "application/merge-patch+json",
            "{\"data\":{\"k\":\"changed\"},\"spec\":{\"x\":1}}");

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(Json.path(refused.body(), "message"))
        .isEqualTo("strict decoding error: unknown field \"spec\"");
    assertThat(Json.path(api.get(path).body(), "metadata.resourceVersion")).isEqualTo(before);
    assertThat(Json.path(api.get(path).body(), "data.k")).isEqualTo("v");
  }

  @Test
  void aPatchAddingAnUnknownFieldIsWarnedByDefaultAndTheFieldDropped() throws Exception {
    assertThat(post("", UNKNOWN.formatted("warn-patch")).statusCode()).isEqualTo(201);
    String path = "/api/v1/namespaces/" + ns + "/configmaps/warn-patch";

    HttpResponse<String> merged =
        api.send(
            "PATCH",
            path,
            "application/merge-patch+json",
            "{\"data\":{\"k\":\"merged\"},\"spec\":{\"x\":1}}");
    assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
    assertThat(merged.headers().allValues("Warning"))
        .containsExactly("299 - \"unknown field \\\"spec\\\"\"");
    assertThat(Json.path(merged.body(), "data.k")).isEqualTo("merged");
    assertThat(Json.parse(api.get(path).body()).has("spec")).isFalse();

    HttpResponse<String> jsonPatched =
        api.send(
            "PATCH",
            path,
            "application/json-patch+json",
            "[{\"op\":\"add\",\"path\":\"/metadata/colour\",\"value\":\"red\"}]");
    assertThat(jsonPatched.statusCode()).as(jsonPatched.body()).isEqualTo(200);
    assertThat(jsonPatched.headers().allValues("Warning"))
        .containsExactly("299 - \"unknown field \\\"metadata.colour\\\"\"");

    HttpResponse<String> clean =
        api.send("PATCH", path, "application/merge-patch+json", "{\"data\":{\"k\":\"v\"}}");
    assertThat(clean.statusCode()).isEqualTo(200);
    assertThat(clean.headers().allValues("Warning")).isEmpty();
  }

  @Test
  void ignoreSendsNoWarning() throws Exception {
    HttpResponse<String> created = post("?fieldValidation=Ignore", UNKNOWN.formatted("ignored"));
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().allValues("Warning")).isEmpty();
  }

  @Test
  void kubectlPrintsTheWarningAndCreatesTheObject() {
    String manifest = Manifests.configMap("from-kubectl", "v") + "colour: blue\n";
    Kubectl.Result created =
        kubectl.pipe(manifest, "create", "--validate=warn", "-f", "-", "-n", ns);
    assertThat(created.exitCode()).as(created.toString()).isZero();
    assertThat(created.stdout()).contains("configmap/from-kubectl created");
    assertThat(created.stderr()).contains("Warning: unknown field \"colour\"");
  }

  private HttpResponse<String> post(String query, String body) throws Exception {
    return api.send(
        "POST", "/api/v1/namespaces/" + ns + "/configmaps" + query, "application/json", body);
  }
}
