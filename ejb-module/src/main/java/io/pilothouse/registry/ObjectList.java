package io.pilothouse.registry;

import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** One page of a list as the registry returns it: objects, the list's resourceVersion, paging. */
public record ObjectList(
    ResourceType type,
    List<ObjectNode> items,
    String resourceVersion,
    String continueToken,
    Long remainingItemCount) {}
