package io.pilothouse.node.runtime;

import java.util.HashSet;
import java.util.Set;

/**
 * Hands out pod IPs from this node's podCIDR, which must lie inside 127.0.0.0/8 so every address is
 * already routed to the loopback interface and a pod can bind it without any configuration. The
 * network address, the first address (kept for the node) and the broadcast address are never handed
 * out.
 */
public final class PodIpAllocator {

  private final String cidr;
  private final long first;
  private final long last;
  private final Set<Long> allocated = new HashSet<>();
  private long cursor;

  public PodIpAllocator(String cidr) {
    this.cidr = cidr;
    int slash = cidr.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("pod CIDR '" + cidr + "' has no /prefix");
    }
    long base = toLong(cidr.substring(0, slash));
    int prefix;
    try {
      prefix = Integer.parseInt(cidr.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("pod CIDR '" + cidr + "' has a bad prefix length");
    }
    if (prefix < 8 || prefix > 30) {
      throw new IllegalArgumentException("pod CIDR '" + cidr + "' must have a prefix of /8../30");
    }
    if ((base >>> 24) != 127) {
      throw new IllegalArgumentException("pod CIDR '" + cidr + "' must lie inside 127.0.0.0/8");
    }
    long size = 1L << (32 - prefix);
    long network = base & ~(size - 1) & 0xffffffffL;
    this.first = network + 2;
    this.last = network + size - 2;
    this.cursor = first;
  }

  public String cidr() {
    return cidr;
  }

  /**
   * Allocates the requested IP when it is inside the CIDR and free, otherwise the next free one.
   */
  public synchronized String allocate(String requested) {
    if (requested != null && !requested.isBlank()) {
      try {
        long wanted = toLong(requested);
        if (wanted >= first && wanted <= last && allocated.add(wanted)) {
          return toString(wanted);
        }
      } catch (IllegalArgumentException ignored) {
        // a foreign or malformed podIP in an old status: allocate a fresh one
      }
    }
    long span = last - first + 1;
    for (long i = 0; i < span; i++) {
      long candidate = first + ((cursor - first + i) % span);
      if (allocated.add(candidate)) {
        cursor = candidate + 1 > last ? first : candidate + 1;
        return toString(candidate);
      }
    }
    throw new ContainerRuntimeException("no free pod IP left in " + cidr);
  }

  public synchronized void release(String ip) {
    if (ip != null) {
      allocated.remove(toLong(ip));
    }
  }

  public synchronized int allocatedCount() {
    return allocated.size();
  }

  static long toLong(String ip) {
    String[] parts = ip.trim().split("\\.");
    if (parts.length != 4) {
      throw new IllegalArgumentException("'" + ip + "' is not an IPv4 address");
    }
    long value = 0;
    for (String part : parts) {
      int octet;
      try {
        octet = Integer.parseInt(part);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + ip + "' is not an IPv4 address");
      }
      if (octet < 0 || octet > 255) {
        throw new IllegalArgumentException("'" + ip + "' is not an IPv4 address");
      }
      value = (value << 8) | octet;
    }
    return value;
  }

  static String toString(long ip) {
    return ((ip >>> 24) & 255)
        + "."
        + ((ip >>> 16) & 255)
        + "."
        + ((ip >>> 8) & 255)
        + "."
        + (ip & 255);
  }
}
