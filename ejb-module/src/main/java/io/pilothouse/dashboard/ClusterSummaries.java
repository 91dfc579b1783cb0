package io.pilothouse.dashboard;

import io.pilothouse.registry.ResourceType;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * Computes the overview: counts run as SQL counts on indexed fields; the per-node allocation covers
 * the first {@value #CHART_NODES} nodes; failing pods are Failed pods, pods Pending for more than a
 * minute, and crash-looping pods among the newest {@value #RECENT_RUNNING} Running pods.
 */
@Stateless
public class ClusterSummaries {

  static final int CHART_NODES = 20;
  static final int RECENT_RUNNING = 500;
  private static final List<String> PHASES =
      List.of("Pending", "Running", "Succeeded", "Failed", "Unknown");
  private static final Duration PENDING_TOO_LONG = Duration.ofMinutes(1);

  @Inject private ObjectQueries objects;
  @Inject private NodeQueries nodes;

  public ClusterSummary summary() {
    ResourceType pods = objects.type("", "pods");
    Map<String, Long> byPhase = new LinkedHashMap<>();
    for (String phase : PHASES) {
      byPhase.put(phase, objects.count(pods, "status.phase=" + phase));
    }
    Page<NodeRow> chart = nodes.nodes(TableRequest.firstPage(CHART_NODES));
    long total = chart.total();
    long ready =
        total <= CHART_NODES
            ? chart.rows().stream().filter(n -> n.ready().equals("Ready")).count()
            : readyNodes();
    return new ClusterSummary(ready, total, byPhase, chart.rows(), warnings(), failingPods(pods));
  }

  private long readyNodes() {
    Page<ObjectNode> all = objects.page(objects.type("", "nodes"), TableRequest.firstPage(100_000));
    return all.rows().stream().filter(n -> NodeRow.readiness(n).equals("Ready")).count();
  }

  private List<EventRow> warnings() {
    TableRequest request =
        new TableRequest(List.of(), null, null, "type=Warning", "created", true, 0, 10);
    Instant now = Instant.now();
    return objects.page(objects.type("", "events"), request).rows().stream()
        .map(e -> EventRow.of(e, now))
        .toList();
  }

  private List<PodRow> failingPods(ResourceType pods) {
    Instant now = Instant.now();
    List<PodRow> failing = new ArrayList<>();
    for (PodRow row : rows(pods, "status.phase=Failed", 20, now)) {
      failing.add(row);
    }
    for (ObjectNode pod : objects.page(pods, byPhase("status.phase=Pending", 200)).rows()) {
      String created = pod.path("metadata").path("creationTimestamp").asString("");
      if (!created.isEmpty()
          && Instant.parse(created).isBefore(now.minus(PENDING_TOO_LONG))
          && failing.size() < 40) {
        failing.add(PodRow.of(pod, now));
      }
    }
    for (PodRow row : rows(pods, "status.phase=Running", RECENT_RUNNING, now)) {
      if (row.failing() && failing.size() < 40) {
        failing.add(row);
      }
    }
    return failing;
  }

  private List<PodRow> rows(ResourceType pods, String selector, int max, Instant now) {
    return objects.page(pods, byPhase(selector, max)).rows().stream()
        .map(p -> PodRow.of(p, now))
        .toList();
  }

  private static TableRequest byPhase(String selector, int max) {
    return new TableRequest(List.of(), null, null, selector, "created", true, 0, max);
  }
}
