package io.pilothouse.printing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * {@code kubectl get nodes}: NAME, STATUS ({@code Ready}, {@code NotReady}, {@code Unknown}, with
 * {@code ,SchedulingDisabled} when cordoned), ROLES, AGE, VERSION; wide adds INTERNAL-IP,
 * EXTERNAL-IP, OS-IMAGE, KERNEL-VERSION and CONTAINER-RUNTIME.
 */
final class NodePrinter implements KindPrinter {

  private static final String ROLE_LABEL_PREFIX = "node-role.kubernetes.io/";
  private static final String ROLE_LABEL = "kubernetes.io/role";

  private static final List<Column> COLUMNS =
      List.of(
          Column.nameColumn(),
          Column.of("Status", "string", "The status of the node"),
          Column.of("Roles", "string", "The roles of the node"),
          Column.ageColumn(),
          Column.of("Version", "string", Descriptions.NODE_KUBELET_VERSION),
          Column.wide("Internal-IP", "string", Descriptions.NODE_ADDRESSES),
          Column.wide("External-IP", "string", Descriptions.NODE_ADDRESSES),
          Column.wide("OS-Image", "string", Descriptions.NODE_OS_IMAGE),
          Column.wide("Kernel-Version", "string", Descriptions.NODE_KERNEL_VERSION),
          Column.wide("Container-Runtime", "string", Descriptions.NODE_CONTAINER_RUNTIME_VERSION));

  @Override
  public List<Column> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(JsonNode node, Instant now) {
    JsonNode info = Fields.at(node, "status", "nodeInfo");
    return List.of(
        Fields.name(node),
        status(node),
        Fields.orNone(String.join(",", roles(node))),
        Timestamps.age(node, now),
        Fields.text(info, "kubeletVersion"),
        address(node, "InternalIP"),
        address(node, "ExternalIP"),
        orUnknown(Fields.text(info, "osImage")),
        orUnknown(Fields.text(info, "kernelVersion")),
        orUnknown(Fields.text(info, "containerRuntimeVersion")));
  }

  /** The Ready condition as {@code Ready}/{@code NotReady}/{@code Unknown}, plus cordoning. */
  private static String status(JsonNode node) {
    String ready = null;
    for (JsonNode condition : Fields.items(node, "status", "conditions")) {
      if (Fields.text(condition, "type").equals("Ready")) {
        ready = Fields.text(condition, "status").equals("True") ? "Ready" : "NotReady";
      }
    }
    List<String> status = new ArrayList<>();
    status.add(ready == null ? "Unknown" : ready);
    if (Fields.isTrue(node, "spec", "unschedulable")) {
      status.add("SchedulingDisabled");
    }
    return String.join(",", status);
  }

  /** Roles from {@code node-role.kubernetes.io/<role>} and {@code kubernetes.io/role=<role>}. */
  private static TreeSet<String> roles(JsonNode node) {
    TreeSet<String> roles = new TreeSet<>();
    Fields.at(node, "metadata", "labels")
        .properties()
        .forEach(
            label -> {
              String key = label.getKey();
              String value = label.getValue().asString("");
              if (key.startsWith(ROLE_LABEL_PREFIX)) {
                String role = key.substring(ROLE_LABEL_PREFIX.length());
                if (!role.isEmpty()) {
                  roles.add(role);
                }
              } else if (key.equals(ROLE_LABEL) && !value.isEmpty()) {
                roles.add(value);
              }
            });
    return roles;
  }

  /** The first address of {@code type}, or {@code <none>}. */
  private static String address(JsonNode node, String type) {
    for (JsonNode address : Fields.items(node, "status", "addresses")) {
      if (Fields.text(address, "type").equals(type)) {
        return Fields.text(address, "address");
      }
    }
    return "<none>";
  }

  private static String orUnknown(String value) {
    return value.isEmpty() ? "<unknown>" : value;
  }
}
