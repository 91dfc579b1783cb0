package io.pilothouse.registry.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pilothouse.api.StatusException;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Server-side apply of Deployments: ownership, conflicts, removal of unapplied fields, merging. */
class ServerSideApplyTest {

  private static final YAMLMapper YAML = new YAMLMapper();
  private static final String NOW = "2026-11-29T14:00:00Z";
  private final ServerSideApply apply = new ServerSideApply("apps", "Deployment");

  static ObjectNode yaml(String text) {
    return (ObjectNode) YAML.readTree(text.replace('\'', '"'));
  }

  private static ObjectNode deployment(int replicas, String labels, String containers) {
    return yaml(
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: default, labels: %s}
        spec:
          replicas: %d
          template:
            spec:
              containers: %s
        """
            .formatted(labels, replicas, containers));
  }

  private ObjectNode create(ObjectNode config, String manager) {
    ObjectNode created = apply.create(config, manager, "apps/v1", NOW);
    ((ObjectNode) created.get("metadata")).put("resourceVersion", "1");
    return created;
  }

  private static ManagedFieldsEntry entry(ObjectNode object, String manager) {
    return ManagedFields.read(object.get("metadata")).stream()
        .filter(e -> e.manager().equals(manager))
        .findFirst()
        .orElseThrow();
  }

  private static List<String> path(String... elements) {
    return List.of(elements);
  }

  @Test
  void createRecordsTheAppliedFieldsInUpstreamsFieldsV1Form() {
    ObjectNode created =
        create(deployment(3, "{app: web}", "[{name: web, image: 'nginx:1'}]"), "kubectl");

    JsonNode entry = created.at("/metadata/managedFields/0");
    assertThat(entry.get("manager").asString()).isEqualTo("kubectl");
    assertThat(entry.get("operation").asString()).isEqualTo("Apply");
    assertThat(entry.get("apiVersion").asString()).isEqualTo("apps/v1");
    assertThat(entry.get("fieldsType").asString()).isEqualTo("FieldsV1");
    assertThat(entry.get("fieldsV1").toString())
        .isEqualTo(
            "{\"f:metadata\":{\"f:labels\":{\"f:app\":{}}},\"f:spec\":{\"f:replicas\":{},"
                + "\"f:template\":{\"f:spec\":{\"f:containers\":{\"k:{\\\"name\\\":\\\"web\\\"}\":"
                + "{\".\":{},\"f:image\":{},\"f:name\":{}}}}}}}");
  }

  @Test
  void reapplyingTheSameConfigurationChangesNothing() {
    ObjectNode config = deployment(3, "{app: web}", "[{name: web, image: 'nginx:1'}]");
    ObjectNode live = create(config, "kubectl");

    ObjectNode again =
        apply.apply(live, config, "kubectl", false, "apps/v1", "2026-11-29T14:00:01Z");

    assertThat(again).as("not even the entry's time moves").isEqualTo(live);
  }

  @Test
  void aFieldAnotherApplierOwnsWithAnotherValueConflictsUnlessForced() {
    ObjectNode live = create(deployment(3, "{app: web}", "[{name: web, image: a}]"), "alice");
    ObjectNode bobs = deployment(5, "{app: web}", "[{name: web, image: a}]");

    StatusException conflict =
        catchThrowableOfType(
            StatusException.class, () -> apply.apply(live, bobs, "bob", false, "apps/v1", NOW));

    assertThat(conflict.code()).isEqualTo(409);
    assertThat(conflict.reason()).isEqualTo("Conflict");
    assertThat(conflict.getMessage())
        .isEqualTo("Apply failed with 1 conflict: conflict with \"alice\": .spec.replicas");
    assertThat(conflict.details().causes())
        .singleElement()
        .satisfies(
            cause -> {
              assertThat(cause.reason()).isEqualTo("FieldManagerConflict");
              assertThat(cause.field()).isEqualTo(".spec.replicas");
            });

    ObjectNode forced = apply.apply(live, bobs, "bob", true, "apps/v1", NOW);
    assertThat(forced.at("/spec/replicas").asInt()).isEqualTo(5);
    assertThat(entry(forced, "bob").fields().contains(path("f:spec", "f:replicas"))).isTrue();
    assertThat(entry(forced, "alice").fields().contains(path("f:spec", "f:replicas"))).isFalse();
    assertThat(entry(forced, "alice").fields().contains(path("f:metadata", "f:labels", "f:app")))
        .isTrue();
  }

  @Test
  void equalValuesAreSharedWithoutConflict() {
    ObjectNode live = create(deployment(3, "{app: web}", "[{name: web, image: a}]"), "alice");

    ObjectNode shared = apply.apply(live, deployment(3, "{}", "[]"), "bob", false, "apps/v1", NOW);

    assertThat(entry(shared, "alice").fields().contains(path("f:spec", "f:replicas"))).isTrue();
    assertThat(entry(shared, "bob").fields().contains(path("f:spec", "f:replicas"))).isTrue();
  }

  @Test
  void fieldsNoLongerAppliedAreRemovedUnlessSomeoneElseOwnsThem() {
    ObjectNode live =
        create(deployment(3, "{app: web, tier: front}", "[{name: web, image: a}]"), "alice");

    ObjectNode dropped =
        apply.apply(
            live,
            deployment(3, "{app: web}", "[{name: web, image: a}]"),
            "alice",
            false,
            "apps/v1",
            NOW);
    assertThat(dropped.at("/metadata/labels").toString()).isEqualTo("{\"app\":\"web\"}");

    ObjectNode withBob =
        apply.apply(
            live,
            yaml(
                """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, labels: {tier: front}}
            """),
            "bob",
            false,
            "apps/v1",
            NOW);
    ObjectNode kept =
        apply.apply(
            withBob,
            deployment(3, "{app: web}", "[{name: web, image: a}]"),
            "alice",
            false,
            "apps/v1",
            NOW);
    assertThat(kept.at("/metadata/labels/tier").asString()).isEqualTo("front");
  }

  @Test
  void keyedListsMergeItemByItemAndLoseTheItemsNoLongerApplied() {
    ObjectNode live = create(deployment(1, "{}", "[{name: web, image: a}]"), "alice");
    ObjectNode sidecarOfBob =
        apply.apply(
            live, deployment(1, "{}", "[{name: log, image: l}]"), "bob", false, "apps/v1", NOW);

    ObjectNode two =
        apply.apply(
            sidecarOfBob,
            deployment(1, "{}", "[{name: web, image: b}, {name: extra, image: e}]"),
            "alice",
            false,
            "apps/v1",
            NOW);
    assertThat(two.at("/spec/template/spec/containers").toString())
        .isEqualTo(
            "[{\"name\":\"web\",\"image\":\"b\"},{\"name\":\"log\",\"image\":\"l\"},"
                + "{\"name\":\"extra\",\"image\":\"e\"}]");

    ObjectNode one =
        apply.apply(
            two, deployment(1, "{}", "[{name: web, image: b}]"), "alice", false, "apps/v1", NOW);
    assertThat(one.at("/spec/template/spec/containers").toString())
        .isEqualTo("[{\"name\":\"web\",\"image\":\"b\"},{\"name\":\"log\",\"image\":\"l\"}]");
  }

  @Test
  void anUpdateTakesOverTheFieldsItChangesSoTheNextApplyConflicts() {
    ObjectNode live = create(deployment(3, "{app: web}", "[{name: web, image: a}]"), "kubectl");
    ObjectNode scaled = live.deepCopy();
    ((ObjectNode) scaled.get("spec")).put("replicas", 7);

    new UpdateOwnership("apps", "Deployment").record(live, scaled, "hpa", "apps/v1", NOW);

    assertThat(entry(scaled, "hpa").operation()).isEqualTo("Update");
    assertThat(entry(scaled, "hpa").fields().paths()).containsExactly(path("f:spec", "f:replicas"));
    assertThat(entry(scaled, "kubectl").fields().contains(path("f:spec", "f:replicas"))).isFalse();
    StatusException conflict =
        catchThrowableOfType(
            StatusException.class,
            () ->
                apply.apply(
                    scaled,
                    deployment(3, "{app: web}", "[{name: web, image: a}]"),
                    "kubectl",
                    false,
                    "apps/v1",
                    NOW));
    assertThat(conflict.getMessage())
        .isEqualTo(
            "Apply failed with 1 conflict: conflict with \"hpa\" using apps/v1: .spec.replicas");
  }

  @Test
  void anUpdateThatRemovesTheLastFieldItsManagerOwnedDropsThatManagersEntry() {
    ObjectNode live = create(deployment(3, "{app: web}", "[{name: web, image: a}]"), "kubectl");
    ObjectNode labelled = live.deepCopy();
    ((ObjectNode) labelled.at("/metadata/labels")).put("tier", "front");
    UpdateOwnership updates = new UpdateOwnership("apps", "Deployment");
    updates.record(live, labelled, "kubectl-label", "apps/v1", NOW);
    assertThat(entry(labelled, "kubectl-label").fields().paths())
        .containsExactly(path("f:metadata", "f:labels", "f:tier"));

    ObjectNode unlabelled = labelled.deepCopy();
    ((ObjectNode) unlabelled.at("/metadata/labels")).remove("tier");
    updates.record(labelled, unlabelled, "kubectl-label", "apps/v1", NOW);

    assertThat(ManagedFields.read(unlabelled.get("metadata")))
        .extracting(ManagedFieldsEntry::manager)
        .containsExactly("kubectl");
  }

  @Test
  void updatesOfObjectsNeverAppliedRecordNothingAndAnEmptyEntryClearsTheRecord() {
    ObjectNode plain = deployment(1, "{}", "[]");
    ObjectNode changed = plain.deepCopy();
    ((ObjectNode) changed.get("spec")).put("replicas", 2);
    new UpdateOwnership("apps", "Deployment").record(plain, changed, "kubectl", "apps/v1", NOW);
    assertThat(changed.at("/metadata/managedFields").isMissingNode()).isTrue();

    ObjectNode live = create(deployment(1, "{}", "[]"), "kubectl");
    ObjectNode reset = live.deepCopy();
    ((ObjectNode) reset.get("metadata")).set("managedFields", yaml("{l: [{}]}").get("l"));
    new UpdateOwnership("apps", "Deployment").record(live, reset, "kubectl", "apps/v1", NOW);
    assertThat(reset.at("/metadata/managedFields").isMissingNode()).isTrue();
  }

  @Test
  void fieldSetsRoundTripThroughFieldsV1AndReadAsUpstreamPrintsThem() {
    ObjectNode created = create(deployment(3, "{app: web}", "[{name: web, image: a}]"), "kubectl");
    FieldSet fields = entry(created, "kubectl").fields();

    assertThat(FieldSet.fromFieldsV1(fields.toFieldsV1())).isEqualTo(fields);
    assertThat(fields.toString())
        .contains(".spec.template.spec.containers[name=\"web\"].image", ".metadata.labels.app");
  }
}
