package io.pilothouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilothouse.it.support.SharedControlPlane;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Objects through the Kubernetes REST API against the deployed WAR: JPA writes and reads, the
 * optimistic-concurrency conflict, and Kubernetes {@code Status} errors.
 */
@ExtendWith(SharedControlPlane.class)
class ApiObjectsIT {

  private final ControlPlane api;

  ApiObjectsIT(ControlPlane api) {
    this.api = api;
  }

  private HttpResponse<String> createConfigMap(String namespace, String name, String value)
      throws Exception {
    return api.send(
        "POST",
        "/api/v1/namespaces/" + namespace + "/configmaps",
        "application/json",
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\""
            + name
            + "\"},\"data\":{\"key\":\""
            + value
            + "\"}}");
  }

  @Test
  void createdObjectIsReadBackWithUidAndResourceVersion() throws Exception {
    HttpResponse<String> created = createConfigMap("default", "written-and-read", "one");
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.body())
        .contains("\"uid\":", "\"resourceVersion\":", "\"creationTimestamp\"");

    HttpResponse<String> read = api.get("/api/v1/namespaces/default/configmaps/written-and-read");
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(Json.path(read.body(), "data.key")).isEqualTo("one");
    assertThat(Json.path(read.body(), "metadata.resourceVersion"))
        .isEqualTo(Json.path(created.body(), "metadata.resourceVersion"));
  }

  @Test
  void staleResourceVersionIsAConflictStatusAndChangesNothing() throws Exception {
    String created = createConfigMap("default", "contended", "first").body();
    String staleVersion = Json.path(created, "metadata.resourceVersion");
    String path = "/api/v1/namespaces/default/configmaps/contended";
    HttpResponse<String> first =
        api.send("PUT", path, "application/json", Json.withData(created, "second"));
    assertThat(first.statusCode()).isEqualTo(200);

    HttpResponse<String> stale =
        api.send("PUT", path, "application/json", Json.withData(created, "third"));

    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(Json.path(stale.body(), "kind")).isEqualTo("Status");
    assertThat(Json.path(stale.body(), "reason")).isEqualTo("Conflict");
    assertThat(Json.path(stale.body(), "code")).isEqualTo("409");
    assertThat(Json.path(api.get(path).body(), "data.key")).isEqualTo("second");
    assertThat(Json.path(first.body(), "metadata.resourceVersion")).isNotEqualTo(staleVersion);
  }

  @Test
  void duplicateCreateIsAlreadyExists() throws Exception {
    createConfigMap("default", "only-once", "x");
    HttpResponse<String> again = createConfigMap("default", "only-once", "y");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(Json.path(again.body(), "reason")).isEqualTo("AlreadyExists");
    assertThat(Json.path(again.body(), "message"))
        .isEqualTo("configmaps \"only-once\" already exists");
  }

  @Test
  void missingObjectIsNotFound() throws Exception {
    HttpResponse<String> missing = api.get("/api/v1/namespaces/default/configmaps/never-made");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(Json.path(missing.body(), "reason")).isEqualTo("NotFound");
    assertThat(Json.path(missing.body(), "details.kind")).isEqualTo("configmaps");
  }

  @Test
  void createInMissingNamespaceIsNotFoundAndWritesNothing() throws Exception {
    HttpResponse<String> refused = createConfigMap("no-such-namespace", "orphan", "x");
    assertThat(refused.statusCode()).isEqualTo(404);
    assertThat(Json.path(refused.body(), "message"))
        .isEqualTo("namespaces \"no-such-namespace\" not found");
    assertThat(api.get("/api/v1/configmaps?fieldSelector=metadata.name%3Dorphan").body())
        .doesNotContain("\"orphan\"");
  }

  @Test
  void aFieldLabelTheKindDoesNotSupportIsBadRequest() throws Exception {
    HttpResponse<String> refused = api.get("/api/v1/pods?fieldSelector=foo%3Dbar");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(Json.path(refused.body(), "reason")).isEqualTo("BadRequest");
    assertThat(Json.path(refused.body(), "message")).isEqualTo("field label not supported: foo");
    HttpResponse<String> watch =
        api.get("/api/v1/namespaces/default/pods?watch=true&fieldSelector=foo%3Dbar");
    assertThat(watch.statusCode()).isEqualTo(400);
    assertThat(Json.path(watch.body(), "message")).isEqualTo("field label not supported: foo");
    assertThat(api.get("/api/v1/pods?fieldSelector=spec.nodeName%3Dnone").statusCode())
        .isEqualTo(200);
  }

  @Test
  void malformedJsonIsBadRequest() throws Exception {
    HttpResponse<String> bad =
        api.send("POST", "/api/v1/namespaces/default/configmaps", "application/json", "{\"kind\":");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(Json.path(bad.body(), "reason")).isEqualTo("BadRequest");
  }

  @Test
  void systemNamespacesExist() throws Exception {
    String namespaces = api.get("/api/v1/namespaces").body();
    assertThat(namespaces)
        .contains("\"default\"", "\"kube-system\"", "\"kube-public\"", "\"kube-node-lease\"");
  }

  @Test
  void listsFilterByLabelSelectorInTheStore() throws Exception {
    api.send(
        "POST",
        "/api/v1/namespaces/default/configmaps",
        "application/json",
        "{\"metadata\":{\"name\":\"labelled\",\"labels\":{\"tier\":\"web\"}}}");
    String selected =
        api.get("/api/v1/namespaces/default/configmaps?labelSelector=tier%3Dweb").body();
    assertThat(selected).contains("\"labelled\"").doesNotContain("\"contended\"");
    HttpResponse<String> malformed =
        api.get("/api/v1/namespaces/default/configmaps?labelSelector=tier%3D%3D%3Dweb");
    assertThat(malformed.statusCode()).isEqualTo(400);
  }

  @Test
  void strictFieldValidationRefusesUnknownFieldsAndWritesNothing() throws Exception {
    String body = "{\"metadata\":{\"name\":\"typo\"},\"dataa\":{\"k\":\"v\"}}";
    HttpResponse<String> strict =
        api.send(
            "POST",
            "/api/v1/namespaces/default/configmaps?fieldValidation=Strict",
            "application/json",
            body);
    assertThat(strict.statusCode()).isEqualTo(400);
    assertThat(Json.path(strict.body(), "message"))
        .isEqualTo("strict decoding error: unknown field \"dataa\"");
    assertThat(api.get("/api/v1/namespaces/default/configmaps/typo").statusCode()).isEqualTo(404);

    HttpResponse<String> lenient =
        api.send(
            "POST",
            "/api/v1/namespaces/default/configmaps?fieldValidation=Ignore",
            "application/json",
            body);
    assertThat(lenient.statusCode()).isEqualTo(201);
  }
}
