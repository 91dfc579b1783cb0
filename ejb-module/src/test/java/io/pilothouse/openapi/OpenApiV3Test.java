package io.pilothouse.openapi;

import static io.pilothouse.openapi.OpenApiDocs.V3;
import static io.pilothouse.openapi.OpenApiDocs.operations;
import static io.pilothouse.openapi.OpenApiDocs.parameterNames;
import static io.pilothouse.openapi.OpenApiDocs.v3;
import static org.assertj.core.api.Assertions.assertThat;

import io.pilothouse.json.KubernetesJson;
import io.pilothouse.registry.ResourceType;
import io.pilothouse.registry.ResourceTypes;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class OpenApiV3Test {

  private static final String SCHEMAS = "#/components/schemas/";

  @Test
  void rootNamesEveryServedGroupVersionWithTheHashOfItsDocument() {
    JsonNode paths = V3.root().get("paths");

    assertThat(paths.propertyNames())
        .containsExactly(
            "api/v1",
            "apis/apps/v1",
            "apis/batch/v1",
            "apis/coordination.k8s.io/v1",
            "apis/discovery.k8s.io/v1");
    for (String path : paths.propertyNames()) {
      String hash = V3.hash(path).orElseThrow();
      assertThat(hash).matches("[0-9A-F]{128}");
      assertThat(paths.get(path).get("serverRelativeURL").asString())
          .isEqualTo("/openapi/v3/" + path + "?hash=" + hash);
    }
  }

  @Test
  void hashIsStableAndChangesOnlyWithItsDocument() {
    OpenApiV3 again = new OpenApiV3(new ResourceTypes());
    OpenApiV3 withoutPods = new OpenApiV3(new WithoutPods());

    assertThat(again.hash("api/v1")).isEqualTo(V3.hash("api/v1"));
    assertThat(again.rootHash()).isEqualTo(V3.rootHash());
    assertThat(withoutPods.hash("api/v1")).isNotEqualTo(V3.hash("api/v1"));
    assertThat(withoutPods.hash("apis/apps/v1")).isEqualTo(V3.hash("apis/apps/v1"));
  }

  @Test
  void documentsAreOpenApi30WithEveryReferenceResolved() throws Exception {
    for (String path : V3.paths()) {
      JsonNode document = KubernetesJson.mapper().readTree(V3.json(path).orElseThrow());

      assertThat(document.get("openapi").asString()).isEqualTo("3.0.0");
      assertThat(document.get("info").get("title").asString()).isEqualTo("Kubernetes");
      assertThat(document.get("paths").size()).isPositive();
      JsonNode schemas = document.get("components").get("schemas");
      assertThat(OpenApiDocs.refs(document, SCHEMAS)).allMatch(schemas::has, "resolves");
      assertThat(document.get("paths").propertyNames()).allMatch(p -> p.startsWith("/"));
    }
  }

  @Test
  void podSchemaCarriesItsGroupVersionKind() {
    JsonNode pod = v3("api/v1").get("components").get("schemas").get("io.k8s.api.core.v1.Pod");

    assertThat(pod.get("x-kubernetes-group-version-kind"))
        .isEqualTo(json("[{\"group\":\"\",\"kind\":\"Pod\",\"version\":\"v1\"}]"));
    assertThat(pod.get("properties").get("spec").get("allOf").get(0).get("$ref").asString())
        .isEqualTo(SCHEMAS + "io.k8s.api.core.v1.PodSpec");
    assertThat(pod.get("description").asString()).startsWith("Pod is a collection of containers");
  }

  @Test
  void containersAreAListOfContainersMergedByName() {
    JsonNode containers =
        schema("api/v1", "io.k8s.api.core.v1.PodSpec").get("properties").get("containers");

    assertThat(containers.get("type").asString()).isEqualTo("array");
    assertThat(containers.get("items").get("$ref").asString())
        .isEqualTo(SCHEMAS + "io.k8s.api.core.v1.Container");
    assertThat(containers.get("x-kubernetes-patch-merge-key").asString()).isEqualTo("name");
    assertThat(containers.get("x-kubernetes-patch-strategy").asString()).isEqualTo("merge");
    assertThat(containers.get("x-kubernetes-list-type").asString()).isEqualTo("map");
    assertThat(containers.get("x-kubernetes-list-map-keys")).isEqualTo(json("[\"name\"]"));
    JsonNode container = schema("api/v1", "io.k8s.api.core.v1.Container").get("properties");
    assertThat(container.get("ports").get("x-kubernetes-patch-merge-key").asString())
        .isEqualTo("containerPort");
    assertThat(container.get("volumeMounts").get("x-kubernetes-patch-merge-key").asString())
        .isEqualTo("mountPath");
    JsonNode meta = schema("api/v1", SchemaNames.META + "ObjectMeta").get("properties");
    assertThat(meta.get("finalizers").get("x-kubernetes-patch-strategy").asString())
        .isEqualTo("merge");
    assertThat(meta.get("ownerReferences").get("x-kubernetes-patch-merge-key").asString())
        .isEqualTo("uid");
  }

  @Test
  void podWritesListFieldValidationDryRunAndFieldManager() {
    JsonNode paths = v3("api/v1").get("paths");
    JsonNode create = paths.get("/api/v1/namespaces/{namespace}/pods").get("post");
    JsonNode patch = paths.get("/api/v1/namespaces/{namespace}/pods/{name}").get("patch");

    assertThat(parameterNames(create)).contains("fieldValidation", "dryRun", "fieldManager");
    assertThat(parameterNames(patch)).contains("fieldValidation", "dryRun", "fieldManager");
    assertThat(patch.get("x-kubernetes-action").asString()).isEqualTo("patch");
    assertThat(patch.get("x-kubernetes-group-version-kind"))
        .isEqualTo(json("{\"group\":\"\",\"kind\":\"Pod\",\"version\":\"v1\"}"));
    assertThat(
            patch.get("requestBody").get("content").has("application/strategic-merge-patch+json"))
        .isTrue();
  }

  /** kubectl stops at the first PATCH of a kind it meets, in random order: every one must do. */
  @Test
  void everyPatchOperationOffersFieldValidation() {
    for (String path : V3.paths()) {
      for (OpenApiDocs.Operation op : operations(v3(path).get("paths"))) {
        assertThat(op.node().get("x-kubernetes-action")).as(op.path()).isNotNull();
        assertThat(op.node().get("x-kubernetes-group-version-kind")).as(op.path()).isNotNull();
        if (op.method().equals("patch") || op.method().equals("put")) {
          if (!op.node().get("x-kubernetes-action").asString().equals("connect")) {
            assertThat(parameterNames(op.node())).as(op.path()).contains("fieldValidation");
          }
        }
      }
    }
  }

  @Test
  void pathsCoverCollectionsObjectsSubresourcesAndAllNamespaces() {
    assertThat(v3("api/v1").get("paths").propertyNames())
        .contains(
            "/api/v1/namespaces/{namespace}/pods",
            "/api/v1/namespaces/{namespace}/pods/{name}",
            "/api/v1/namespaces/{namespace}/pods/{name}/status",
            "/api/v1/namespaces/{namespace}/pods/{name}/binding",
            "/api/v1/namespaces/{namespace}/pods/{name}/eviction",
            "/api/v1/namespaces/{namespace}/pods/{name}/log",
            "/api/v1/pods",
            "/api/v1/nodes",
            "/api/v1/nodes/{name}/status",
            "/api/v1/namespaces/{name}/finalize");
    JsonNode scale =
        v3("apis/apps/v1")
            .get("paths")
            .get("/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale");
    assertThat(scale.get("patch").get("x-kubernetes-group-version-kind").get("kind").asString())
        .isEqualTo("Scale");
    assertThat(schema("apis/apps/v1", SchemaNames.SCALE).get("x-kubernetes-group-version-kind"))
        .isNotNull();
  }

  /** What kubectl explain does: the GVK of the resource's path, then the schema with it. */
  @Test
  void everyServedResourceCanBeExplained() {
    for (ResourceType type : OpenApiDocs.TYPES.all()) {
      ObjectNode document = v3(ApiModel.key(type.group(), type.version()));
      String prefix = type.group().isEmpty() ? "/api/" : "/apis/" + type.group() + "/";
      String scope = type.namespaced() ? "namespaces/{namespace}/" : "";
      JsonNode collection =
          document.get("paths").get(prefix + type.version() + "/" + scope + type.resource());
      JsonNode gvk = collection.get("get").get("x-kubernetes-group-version-kind");
      assertThat(gvk.get("kind").asString()).isEqualTo(type.kind());
      boolean found = false;
      for (JsonNode schema : document.get("components").get("schemas").values()) {
        JsonNode gvks = schema.get("x-kubernetes-group-version-kind");
        found |= gvks != null && gvks.valueStream().anyMatch(gvk::equals);
      }
      assertThat(found).as(type.resource()).isTrue();
    }
  }

  @Test
  void intOrStringQuantityAndTimeAreWrittenAsUpstreamWritesThem() {
    JsonNode intOrString = schema("api/v1", SchemaNames.INT_OR_STRING);
    JsonNode quantity = schema("api/v1", SchemaNames.QUANTITY);
    JsonNode time = schema("api/v1", SchemaNames.TIME);

    assertThat(intOrString.get("format").asString()).isEqualTo("int-or-string");
    assertThat(intOrString.get("x-kubernetes-int-or-string").asBoolean()).isTrue();
    assertThat(intOrString.get("oneOf"))
        .isEqualTo(json("[{\"type\":\"integer\"},{\"type\":\"string\"}]"));
    assertThat(quantity.get("oneOf"))
        .isEqualTo(json("[{\"type\":\"string\"},{\"type\":\"number\"}]"));
    assertThat(time.get("type").asString()).isEqualTo("string");
    assertThat(time.get("format").asString()).isEqualTo("date-time");
    JsonNode port = schema("api/v1", "io.k8s.api.core.v1.ServicePort").get("properties");
    assertThat(port.get("targetPort").get("allOf").get(0).get("$ref").asString())
        .isEqualTo(SCHEMAS + SchemaNames.INT_OR_STRING);
    assertThat(port.get("port").get("format").asString()).isEqualTo("int32");
    JsonNode limits =
        schema("api/v1", "io.k8s.api.core.v1.ResourceRequirements").get("properties").get("limits");
    assertThat(limits.get("additionalProperties").get("$ref").asString())
        .isEqualTo(SCHEMAS + SchemaNames.QUANTITY);
    JsonNode created = schema("api/v1", SchemaNames.META + "ObjectMeta").get("properties");
    assertThat(created.get("creationTimestamp").get("allOf").get(0).get("$ref").asString())
        .isEqualTo(SCHEMAS + SchemaNames.TIME);
  }

  @Test
  void requiredFieldsAreUpstreams() {
    assertThat(schema("api/v1", "io.k8s.api.core.v1.Container").get("required"))
        .isEqualTo(json("[\"name\"]"));
    assertThat(schema("apis/apps/v1", "io.k8s.api.apps.v1.DeploymentSpec").get("required"))
        .isEqualTo(json("[\"selector\",\"template\"]"));
  }

  @Test
  void documentIsFoundByAnyFormOfItsPathAndCopiesAreIndependent() {
    assertThat(V3.document("/openapi/v3/apis/apps/v1")).isPresent();
    assertThat(V3.document("/apis/apps/v1")).isPresent();
    assertThat(V3.document("apis/apps/v2")).isEmpty();
    v3("api/v1").remove("paths");
    assertThat(v3("api/v1").has("paths")).isTrue();
  }

  private static JsonNode schema(String document, String name) {
    JsonNode schema = v3(document).get("components").get("schemas").get(name);
    assertThat(schema).as(name).isNotNull();
    return schema;
  }

  private static JsonNode json(String text) {
    return KubernetesJson.mapper().readTree(text);
  }

  /** The real catalog without pods: only the core group's document changes. */
  private static final class WithoutPods extends ResourceTypes {
    @Override
    public List<ResourceType> all() {
      return super.all().stream().filter(t -> !t.resource().equals("pods")).toList();
    }
  }
}
