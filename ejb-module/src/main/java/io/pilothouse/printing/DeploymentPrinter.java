package io.pilothouse.printing;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * {@code kubectl get deployments}: NAME, READY ({@code ready/desired}), UP-TO-DATE, AVAILABLE, AGE;
 * wide adds CONTAINERS, IMAGES and SELECTOR.
 */
final class DeploymentPrinter implements KindPrinter {

  private static final List<Column> COLUMNS =
      List.of(
          Column.nameColumn(),
          Column.of("Ready", "string", Descriptions.DEPLOYMENT_READY),
          Column.of("Up-to-date", "string", Descriptions.DEPLOYMENT_UPDATED_REPLICAS),
          Column.of("Available", "string", Descriptions.DEPLOYMENT_AVAILABLE_REPLICAS),
          Column.ageColumn(),
          Column.wide("Containers", "string", Descriptions.TEMPLATE_CONTAINERS),
          Column.wide("Images", "string", Descriptions.TEMPLATE_IMAGES),
          Column.wide("Selector", "string", Descriptions.DEPLOYMENT_SELECTOR));

  @Override
  public List<Column> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(JsonNode deployment, Instant now) {
    String selector = Selectors.selectorString(Fields.at(deployment, "spec", "selector"));
    return List.of(
        Fields.name(deployment),
        Fields.number(deployment, "status", "readyReplicas")
            + "/"
            + Fields.number(deployment, "spec", "replicas"),
        Fields.number(deployment, "status", "updatedReplicas"),
        Fields.number(deployment, "status", "availableReplicas"),
        Timestamps.age(deployment, now),
        TemplateCells.containerNames(deployment),
        TemplateCells.images(deployment),
        selector == null ? "<invalid>" : selector);
  }
}
