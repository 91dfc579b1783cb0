package io.pilothouse.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilothouse.registry.ResourceType;
import io.pilothouse.registry.patch.FieldStrategy;
import io.pilothouse.registry.patch.PatchSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * kubectl apply computes its strategic merge patch from the OpenAPI merge keys; the server applies
 * it with {@link PatchSchema}. Where the two disagree, a field removed from a manifest survives the
 * apply (or a list is replaced that should have merged), so they must agree on every field.
 */
class PatchMetadataAgreementTest {

  private static final String SCHEMAS = "#/components/schemas/";

  /**
   * Known disagreements, kept visible: upstream (k8s.io/api v0.32 and later) declares a
   * ServiceAccount's {@code imagePullSecrets} {@code +listType=atomic} with no patch strategy,
   * while the server's PatchSchema merges it by name.
   */
  private static final Set<String> KNOWN = Set.of("ServiceAccount imagePullSecrets");

  @Test
  void openApiMergeKeysAreTheServersMergeKeys() {
    List<String> disagreements = new ArrayList<>();
    for (ResourceType type : OpenApiDocs.TYPES.all()) {
      JsonNode schemas =
          OpenApiDocs.v3(ApiModel.key(type.group(), type.version()))
              .get("components")
              .get("schemas");
      String root = new Kinds(new SchemaCatalog()).kind(type);
      PatchSchema server = PatchSchema.forKind(type.group(), type.kind());
      walk(schemas, schemas.get(root), "", new HashSet<>(), server, type.kind(), disagreements);
    }
    assertThat(disagreements).isEmpty();
  }

  private static void walk(
      JsonNode schemas,
      JsonNode schema,
      String path,
      Set<String> seen,
      PatchSchema server,
      String kind,
      List<String> disagreements) {
    JsonNode properties = schema.get("properties");
    if (properties == null || path.split("\\.").length > 12) {
      return;
    }
    for (var property : properties.properties()) {
      String child = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
      JsonNode field = property.getValue();
      compare(field, server.strategyFor(child), kind + " " + child, disagreements);
      JsonNode target = field.has("items") ? field.get("items") : field;
      String ref = ref(target);
      if (ref != null && seen.add(ref)) {
        walk(schemas, schemas.get(ref), child, seen, server, kind, disagreements);
        seen.remove(ref);
      }
    }
  }

  private static void compare(
      JsonNode field, FieldStrategy server, String where, List<String> disagreements) {
    String strategy = text(field, "x-kubernetes-patch-strategy");
    boolean merge = strategy != null && List.of(strategy.split(",")).contains("merge");
    boolean retainKeys = strategy != null && strategy.contains("retainKeys");
    String mergeKey = text(field, "x-kubernetes-patch-merge-key");
    boolean agree =
        merge == server.merge()
            && retainKeys == server.retainKeys()
            && java.util.Objects.equals(
                merge ? mergeKey : null, server.merge() ? server.mergeKey() : null);
    String shortWhere = where.replaceAll(" .*\\.", " ");
    if (!agree && !KNOWN.contains(shortWhere)) {
      disagreements.add(where + ": openapi " + strategy + "/" + mergeKey + ", server " + server);
    }
  }

  private static String ref(JsonNode node) {
    JsonNode ref = node.has("allOf") ? node.get("allOf").get(0).get("$ref") : node.get("$ref");
    return ref == null ? null : ref.asString().substring(SCHEMAS.length());
  }

  private static String text(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value == null ? null : value.asString();
  }
}
