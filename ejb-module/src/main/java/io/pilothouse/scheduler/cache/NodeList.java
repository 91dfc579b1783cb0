package io.pilothouse.scheduler.cache;

import io.pilothouse.scheduler.framework.NodeInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cache's node infos, by name in insertion order, threaded on a doubly linked list ordered by
 * last change (most recent first), as upstream's {@code nodeInfoListItem}: each change takes a new
 * global generation, so the nodes changed since a snapshot are a prefix of the list. Not
 * thread-safe; guarded by the {@link SchedulerCache}.
 */
final class NodeList {

  private static final class Item {
    final NodeInfo info;
    Item prev;
    Item next;

    Item(NodeInfo info) {
      this.info = info;
    }
  }

  private final Map<String, Item> items = new LinkedHashMap<>();
  private Item head;
  private long generation;

  NodeInfo get(String name) {
    Item item = items.get(name);
    return item == null ? null : item.info;
  }

  NodeInfo getOrCreate(String name) {
    return items.computeIfAbsent(name, n -> new Item(new NodeInfo(n))).info;
  }

  /** Marks the node changed: new generation, moved to the head. */
  void touch(String name) {
    Item item = items.get(name);
    if (item == null) {
      return;
    }
    item.info.setGeneration(++generation);
    if (head == item) {
      return;
    }
    unlink(item);
    item.next = head;
    if (head != null) {
      head.prev = item;
    }
    head = item;
  }

  void remove(String name) {
    Item item = items.remove(name);
    if (item != null) {
      unlink(item);
      generation++;
    }
  }

  private void unlink(Item item) {
    if (item.prev != null) {
      item.prev.next = item.next;
    }
    if (item.next != null) {
      item.next.prev = item.prev;
    }
    if (head == item) {
      head = item.next;
    }
    item.prev = null;
    item.next = null;
  }

  /** The node infos changed after the given generation, most recent first. */
  List<NodeInfo> changedSince(long since) {
    List<NodeInfo> changed = new ArrayList<>();
    for (Item item = head; item != null && item.info.generation() > since; item = item.next) {
      changed.add(item.info);
    }
    return changed;
  }

  Collection<NodeInfo> inInsertionOrder() {
    return items.values().stream().map(item -> item.info).toList();
  }

  long generation() {
    return generation;
  }

  int size() {
    return items.size();
  }
}
