package io.pilothouse.printing;

import static io.pilothouse.printing.Fixtures.NOW;
import static io.pilothouse.printing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pilothouse.json.KubernetesJson;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class TablePrinterTest {

  private final TablePrinter printer = new TablePrinter();

  private static ObjectNode pod(String name, String phase) {
    return json(
        "{'kind':'Pod','apiVersion':'v1','metadata':{'name':'"
            + name
            + "','namespace':'default','resourceVersion':'41','labels':{'app':'web'},"
            + "'creationTimestamp':'2024-05-01T11:00:00Z'},'spec':{'containers':[{'name':'c',"
            + "'image':'i'}]},'status':{'phase':'"
            + phase
            + "'}}");
  }

  @Test
  void shapesAListTableLikeKubeApiserver() {
    ObjectNode table =
        printer.table(
            "",
            "Pod",
            List.of(pod("a", "Running"), pod("b", "Pending")),
            "42",
            "eyJ2IjoxfQ",
            5L,
            IncludeObject.NONE,
            NOW);

    String serialized = KubernetesJson.mapper().writeValueAsString(table);
    assertThat(serialized)
        .startsWith(
            "{\"kind\":\"Table\",\"apiVersion\":\"meta.k8s.io/v1\",\"metadata\":{"
                + "\"resourceVersion\":\"42\",\"continue\":\"eyJ2IjoxfQ\",\"remainingItemCount\":5},"
                + "\"columnDefinitions\":[{\"name\":\"Name\",\"type\":\"string\",\"format\":\"name\","
                + "\"description\":\"Name must be unique within a namespace.");
    assertThat(table.get("rows")).hasSize(2);
    assertThat(table.get("rows").get(1).get("cells").get(2).asString()).isEqualTo("Pending");
    assertThat(table.get("rows").get(0).has("object")).isFalse();
  }

  @Test
  void leavesEmptyListMetadataOut() {
    ObjectNode table =
        printer.table("", "Pod", List.of(), null, "", null, IncludeObject.METADATA, NOW);

    assertThat(table.get("metadata").isEmpty()).isTrue();
    assertThat(table.get("rows").isArray()).isTrue();
    assertThat(table.get("rows")).isEmpty();
  }

  @Test
  void includesPartialObjectMetadataByDefault() {
    ObjectNode pod = pod("a", "Running");

    JsonNode object = printer.table("", "Pod", pod, null, NOW).get("rows").get(0).get("object");

    assertThat(object.get("kind").asString()).isEqualTo("PartialObjectMetadata");
    assertThat(object.get("apiVersion").asString()).isEqualTo("meta.k8s.io/v1");
    assertThat(object.get("metadata")).isEqualTo(pod.get("metadata"));
    assertThat(object.propertyNames()).containsExactly("kind", "apiVersion", "metadata");
  }

  @Test
  void includesTheWholeObjectAsACopy() {
    ObjectNode pod = pod("a", "Running");

    ObjectNode table = printer.table("", "Pod", pod, IncludeObject.OBJECT, NOW);
    ((ObjectNode) table.get("rows").get(0).get("object")).put("kind", "Changed");

    assertThat(table.get("rows").get(0).get("object").get("spec")).isEqualTo(pod.get("spec"));
    assertThat(pod.get("kind").asString()).isEqualTo("Pod");
  }

  @Test
  void takesASingleObjectsResourceVersion() {
    ObjectNode table = printer.table("", "Pod", pod("a", "Running"), IncludeObject.NONE, NOW);

    assertThat(table.get("metadata").propertyNames()).containsExactly("resourceVersion");
    assertThat(table.get("metadata").get("resourceVersion").asString()).isEqualTo("41");
    assertThat(table.get("rows").get(0).get("cells").get(0).asString()).isEqualTo("a");
  }

  @Test
  void omitsColumnDefinitionsForLaterWatchEvents() {
    ObjectNode table =
        printer.tableWithoutHeaders("", "Pod", pod("a", "Running"), IncludeObject.NONE, NOW);

    assertThat(table.get("columnDefinitions").isNull()).isTrue();
    assertThat(table.get("rows").get(0).get("cells")).hasSize(9);
  }

  @Test
  void marksFinishedPodsCompleted() {
    ObjectNode table =
        printer.table(
            "",
            "Pod",
            List.of(pod("ok", "Succeeded"), pod("bad", "Failed"), pod("up", "Running")),
            "1",
            null,
            null,
            IncludeObject.NONE,
            NOW);

    assertThat(table.get("rows").get(0).get("conditions")).hasSize(1);
    assertThat(table.get("rows").get(0).get("conditions").get(0))
        .isEqualTo(
            json(
                "{'type':'Completed','status':'True','reason':'Succeeded',"
                    + "'message':'The pod has completed successfully.'}"));
    assertThat(table.get("rows").get(1).get("conditions").get(0).get("reason").asString())
        .isEqualTo("Failed");
    assertThat(table.get("rows").get(2).has("conditions")).isFalse();
  }

  static Stream<Arguments> columnSets() {
    return Stream.of(
        Arguments.of(
            "", "Pod", "NAME READY STATUS RESTARTS AGE", "IP NODE NOMINATED NODE READINESS GATES"),
        Arguments.of(
            "",
            "Node",
            "NAME STATUS ROLES AGE VERSION",
            "INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME"),
        Arguments.of("", "Namespace", "NAME STATUS AGE", ""),
        Arguments.of("", "Service", "NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE", "SELECTOR"),
        Arguments.of("", "Endpoints", "NAME ENDPOINTS AGE", ""),
        Arguments.of(
            "discovery.k8s.io", "EndpointSlice", "NAME ADDRESSTYPE PORTS ENDPOINTS AGE", ""),
        Arguments.of("", "ConfigMap", "NAME DATA AGE", ""),
        Arguments.of("", "Secret", "NAME TYPE DATA AGE", ""),
        Arguments.of("", "ServiceAccount", "NAME SECRETS AGE", ""),
        Arguments.of(
            "",
            "Event",
            "LAST SEEN TYPE REASON OBJECT MESSAGE",
            "SUBOBJECT SOURCE FIRST SEEN COUNT NAME"),
        Arguments.of(
            "apps",
            "Deployment",
            "NAME READY UP-TO-DATE AVAILABLE AGE",
            "CONTAINERS IMAGES SELECTOR"),
        Arguments.of(
            "apps", "ReplicaSet", "NAME DESIRED CURRENT READY AGE", "CONTAINERS IMAGES SELECTOR"),
        Arguments.of(
            "batch", "Job", "NAME STATUS COMPLETIONS DURATION AGE", "CONTAINERS IMAGES SELECTOR"),
        Arguments.of("coordination.k8s.io", "Lease", "NAME HOLDER AGE", ""),
        Arguments.of("example.com", "Widget", "NAME CREATED AT", ""));
  }

  /** kubectl prints upper-cased column names; priority 1 columns only with {@code -o wide}. */
  @ParameterizedTest(name = "{0}/{1}")
  @MethodSource("columnSets")
  void definesUpstreamColumnsAndWidePriorities(
      String group, String kind, String narrowHeaders, String wideOnlyHeaders) {
    ObjectNode table =
        printer.table(group, kind, json("{'metadata':{'name':'x'}}"), IncludeObject.NONE, NOW);
    List<String> narrow = new ArrayList<>();
    List<String> wideOnly = new ArrayList<>();
    for (JsonNode column : table.get("columnDefinitions")) {
      String header = column.get("name").asString().toUpperCase(java.util.Locale.ROOT);
      (column.get("priority").asInt() == 0 ? narrow : wideOnly).add(header);
      assertThat(column.get("description").asString()).isNotEmpty();
    }

    assertThat(String.join(" ", narrow)).isEqualTo(narrowHeaders);
    assertThat(String.join(" ", wideOnly)).isEqualTo(wideOnlyHeaders);
    assertThat(table.get("rows").get(0).get("cells"))
        .hasSize(table.get("columnDefinitions").size());
  }

  @Test
  void parsesTheIncludeObjectParameter() {
    assertThat(IncludeObject.fromQueryParameter(null)).isEqualTo(IncludeObject.METADATA);
    assertThat(IncludeObject.fromQueryParameter("")).isEqualTo(IncludeObject.METADATA);
    assertThat(IncludeObject.fromQueryParameter("None")).isEqualTo(IncludeObject.NONE);
    assertThat(IncludeObject.fromQueryParameter("Object")).isEqualTo(IncludeObject.OBJECT);
    assertThatThrownBy(() -> IncludeObject.fromQueryParameter("object"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Unable to convert to Table as requested: includeObject: Invalid value: \"object\":"
                + " must be 'Metadata', 'Object', 'None', or empty");
  }
}
