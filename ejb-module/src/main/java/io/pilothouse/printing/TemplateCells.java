package io.pilothouse.printing;

import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * The CONTAINERS and IMAGES cells of workload kinds (upstream's {@code layoutContainerCells}): the
 * pod template's container names and images, comma-separated in spec order.
 */
final class TemplateCells {

  private TemplateCells() {}

  /** Container names of {@code spec.template.spec.containers}. */
  static String containerNames(JsonNode workload) {
    return join(workload, "name");
  }

  /** Container images of {@code spec.template.spec.containers}. */
  static String images(JsonNode workload) {
    return join(workload, "image");
  }

  private static String join(JsonNode workload, String field) {
    List<JsonNode> containers = Fields.items(workload, "spec", "template", "spec", "containers");
    return containers.stream().map(c -> Fields.text(c, field)).collect(Collectors.joining(","));
  }
}
