package io.pilothouse.dashboard;

import io.pilothouse.registry.ObjectNodes;
import io.pilothouse.registry.ResourceType;
import io.pilothouse.registry.validation.Trees;
import io.pilothouse.store.PageQuery;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ObjectNode;

/**
 * The nodes table and node detail: each page of nodes is read with one more query for the
 * non-terminated pods bound to exactly those nodes, so a page costs two queries whatever the size
 * of the cluster.
 */
@Stateless
public class NodeQueries {

  static final String NOT_TERMINATED = "status.phase!=Succeeded,status.phase!=Failed";

  @Inject private ObjectQueries objects;

  /** One page of node rows. */
  public Page<NodeRow> nodes(TableRequest request) {
    Page<ObjectNode> nodes = objects.page(objects.type("", "nodes"), request);
    List<String> names = nodes.rows().stream().map(ObjectNodes::name).toList();
    Map<String, List<ObjectNode>> podsByNode = podsOn(names);
    Instant now = Instant.now();
    return new Page<>(
        nodes.rows().stream()
            .map(n -> NodeRow.of(n, podsByNode.getOrDefault(ObjectNodes.name(n), List.of()), now))
            .toList(),
        nodes.total());
  }

  /** The non-terminated pods bound to the named nodes, by node name. */
  public Map<String, List<ObjectNode>> podsOn(List<String> nodeNames) {
    if (nodeNames.isEmpty()) {
      return new HashMap<>();
    }
    TableRequest all =
        new TableRequest(List.of(), null, null, NOT_TERMINATED, null, false, 0, Integer.MAX_VALUE);
    return objects
        .page(objects.type("", "pods"), all, new PageQuery.FieldIn("spec.nodeName", nodeNames))
        .rows()
        .stream()
        .collect(Collectors.groupingBy(p -> ObjectNodes.text(p, "spec.nodeName")));
  }

  /** A node's detail: its row, conditions, addresses, labels, capacity and its pods. */
  public Optional<NodeDetail> detail(String name) {
    ResourceType nodes = objects.type("", "nodes");
    return objects
        .find(nodes, "", name)
        .map(
            node -> {
              Instant now = Instant.now();
              List<ObjectNode> pods = podsOn(List.of(name)).getOrDefault(name, List.of());
              return new NodeDetail(
                  NodeRow.of(node, pods, now),
                  PodDetail.conditions(node),
                  Trees.items(ObjectNodes.at(node, "status"), "addresses").stream()
                      .map(a -> Trees.text(a, "type", "") + ": " + Trees.text(a, "address", ""))
                      .toList(),
                  ObjectNodes.stringMap(node, "metadata.labels"),
                  ObjectNodes.stringMap(node, "status.capacity"),
                  ObjectNodes.stringMap(node, "status.allocatable"),
                  pods.stream().map(p -> PodRow.of(p, now)).toList(),
                  Yaml.write(node));
            });
  }
}
