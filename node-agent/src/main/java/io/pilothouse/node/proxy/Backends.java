package io.pilothouse.node.proxy;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The ready endpoints of one listener, swapped atomically on change and picked round-robin. */
final class Backends {

  private volatile List<InetSocketAddress> endpoints = List.of();
  private final AtomicInteger next = new AtomicInteger();

  void set(List<InetSocketAddress> endpoints) {
    this.endpoints = List.copyOf(endpoints);
  }

  List<InetSocketAddress> current() {
    return endpoints;
  }

  /** The endpoints in the order to try them for a new connection (round-robin start). */
  List<InetSocketAddress> order() {
    List<InetSocketAddress> list = endpoints;
    if (list.size() <= 1) {
      return list;
    }
    int start = Math.floorMod(next.getAndIncrement(), list.size());
    java.util.ArrayList<InetSocketAddress> out = new java.util.ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      out.add(list.get((start + i) % list.size()));
    }
    return out;
  }
}
