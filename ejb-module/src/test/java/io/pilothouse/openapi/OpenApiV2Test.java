package io.pilothouse.openapi;

import static io.pilothouse.openapi.OpenApiDocs.V2;
import static io.pilothouse.openapi.OpenApiDocs.operations;
import static io.pilothouse.openapi.OpenApiDocs.parameterNames;
import static org.assertj.core.api.Assertions.assertThat;

import io.pilothouse.json.KubernetesJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OpenApiV2Test {

  private static final String DEFINITIONS = "#/definitions/";

  @Test
  void documentIsSwagger20WithEveryReferenceResolved() throws Exception {
    JsonNode document = KubernetesJson.mapper().readTree(V2.json());

    assertThat(document.get("swagger").asString()).isEqualTo("2.0");
    assertThat(document.get("info").get("title").asString()).isEqualTo("Kubernetes");
    JsonNode definitions = document.get("definitions");
    assertThat(OpenApiDocs.refs(document, DEFINITIONS)).allMatch(definitions::has, "resolves");
    assertThat(document.toString()).doesNotContain("\"allOf\"", "\"oneOf\"", "#/components/");
    assertThat(V2.hash()).matches("[0-9A-F]{128}");
  }

  @Test
  void definitionsAreNamedAsUpstreamWithTheirGroupVersionKinds() {
    JsonNode definitions = V2.document().get("definitions");
    JsonNode deployment = definitions.get("io.k8s.api.apps.v1.Deployment");

    assertThat(deployment.get("x-kubernetes-group-version-kind").get(0).get("group").asString())
        .isEqualTo("apps");
    assertThat(deployment.get("properties").get("metadata").get("$ref").asString())
        .isEqualTo(DEFINITIONS + SchemaNames.META + "ObjectMeta");
    assertThat(definitions.get(SchemaNames.INT_OR_STRING).get("type").asString())
        .isEqualTo("string");
    assertThat(definitions.get(SchemaNames.INT_OR_STRING).get("format").asString())
        .isEqualTo("int-or-string");
    assertThat(definitions.get(SchemaNames.QUANTITY).get("type").asString()).isEqualTo("string");
    assertThat(
            definitions
                .get("io.k8s.api.core.v1.PodSpec")
                .get("properties")
                .get("containers")
                .get("x-kubernetes-patch-merge-key")
                .asString())
        .isEqualTo("name");
  }

  @Test
  void patchOperationsTakeEveryPatchTypeAndFieldValidation() {
    JsonNode paths = V2.document().get("paths");
    JsonNode patch =
        paths.get("/apis/apps/v1/namespaces/{namespace}/deployments/{name}").get("patch");

    assertThat(patch.get("consumes").toString()).contains("application/strategic-merge-patch+json");
    assertThat(parameterNames(patch)).contains("body", "fieldValidation", "dryRun", "fieldManager");
    for (OpenApiDocs.Operation op : operations(paths)) {
      if (op.method().equals("patch")
          && !op.node().get("x-kubernetes-action").asString().equals("connect")) {
        assertThat(parameterNames(op.node())).as(op.path()).contains("fieldValidation");
      }
    }
  }
}
