package io.pilothouse.dashboard;

import io.pilothouse.registry.ResourceType;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/** The pods table and the pod detail page's data, read a page at a time from the store. */
@Stateless
public class PodQueries {

  @Inject private ObjectQueries objects;

  /** One page of pod rows. */
  public Page<PodRow> pods(TableRequest request) {
    Page<ObjectNode> page = objects.page(podType(), request);
    Instant now = Instant.now();
    return new Page<>(page.rows().stream().map(p -> PodRow.of(p, now)).toList(), page.total());
  }

  /** A pod's detail: rows for containers, env (Secret values masked), conditions and events. */
  public Optional<PodDetail> detail(String namespace, String name) {
    return objects
        .find(podType(), namespace, name)
        .map(pod -> PodDetail.of(pod, events(namespace, name, "Pod"), Instant.now()));
  }

  /** The events about one object, newest last. */
  public List<EventRow> events(String namespace, String name, String kind) {
    ResourceType events = objects.type("", "events");
    TableRequest request =
        new TableRequest(
            namespace.isEmpty() ? List.of() : List.of(namespace),
            null,
            null,
            "involvedObject.name=" + name + ",involvedObject.kind=" + kind,
            "created",
            false,
            0,
            100);
    Instant now = Instant.now();
    return objects.page(events, request).rows().stream().map(e -> EventRow.of(e, now)).toList();
  }

  private ResourceType podType() {
    return objects.type("", "pods");
  }
}
