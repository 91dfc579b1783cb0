package io.pilothouse.printing;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * {@code kubectl get replicasets}: NAME, DESIRED, CURRENT, READY, AGE; wide adds CONTAINERS, IMAGES
 * and SELECTOR.
 */
final class ReplicaSetPrinter implements KindPrinter {

  private static final List<Column> COLUMNS =
      List.of(
          Column.nameColumn(),
          Column.of("Desired", "integer", Descriptions.REPLICA_SET_SPEC_REPLICAS),
          Column.of("Current", "integer", Descriptions.REPLICA_SET_STATUS_REPLICAS),
          Column.of("Ready", "integer", Descriptions.REPLICA_SET_READY_REPLICAS),
          Column.ageColumn(),
          Column.wide("Containers", "string", Descriptions.TEMPLATE_CONTAINERS),
          Column.wide("Images", "string", Descriptions.TEMPLATE_IMAGES),
          Column.wide("Selector", "string", Descriptions.REPLICA_SET_SELECTOR));

  @Override
  public List<Column> columns() {
    return COLUMNS;
  }

  @Override
  public List<Object> cells(JsonNode replicaSet, Instant now) {
    return List.of(
        Fields.name(replicaSet),
        Fields.number(replicaSet, "spec", "replicas"),
        Fields.number(replicaSet, "status", "replicas"),
        Fields.number(replicaSet, "status", "readyReplicas"),
        Timestamps.age(replicaSet, now),
        TemplateCells.containerNames(replicaSet),
        TemplateCells.images(replicaSet),
        Selectors.formatLabelSelector(Fields.at(replicaSet, "spec", "selector")));
  }
}
