package io.pilothouse.registry;

import io.pilothouse.registry.strategy.ServiceDefaults;
import io.pilothouse.registry.validation.FieldError;
import io.pilothouse.registry.validation.Trees;
import io.pilothouse.store.ListQuery;
import io.pilothouse.store.StoredObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Upstream's service cluster IP and node port allocators, with the allocations derived from the
 * stored services instead of a bitmap: the write lock of the store is taken first, so the services
 * read then are every committed one and no other write commits before this one, which makes
 * concurrent creates safe. A free value is picked at random in the range, then the next free one. A
 * requested value outside the range or already used gives upstream's 422.
 */
final class ServiceAllocator {

  private final RegistryContext ctx;
  private final ServiceNetwork network;

  ServiceAllocator(RegistryContext ctx, ServiceNetwork network) {
    this.ctx = ctx;
    this.network = network;
  }

  /**
   * Fills and checks the cluster IP and node ports of a service being created ({@code old} null) or
   * updated; returns the field errors of values that cannot be had.
   */
  List<FieldError> allocate(ObjectNode service, ObjectNode old, boolean dryRun) {
    ObjectNode spec = Trees.ensureObject(service, "spec");
    JsonNode oldSpec = old == null ? null : old.path("spec");
    boolean wantsIp = ServiceDefaults.needsClusterIP(spec) && !ServiceDefaults.isHeadless(spec);
    boolean ipKept =
        oldSpec != null && Trees.text(oldSpec, "clusterIP", "").equals(clusterIp(spec));
    boolean wantsPorts = ServiceDefaults.needsNodePort(spec);
    if ((!wantsIp || (ipKept && !clusterIp(spec).isEmpty())) && !wantsPorts) {
      return List.of();
    }
    if (!dryRun) {
      ctx.store().lockWrites();
    }
    Used used = used(service);
    List<FieldError> errors = new ArrayList<>();
    if (wantsIp && !(ipKept && !clusterIp(spec).isEmpty())) {
      errors.addAll(clusterIp(spec, used));
    }
    if (wantsPorts) {
      errors.addAll(nodePorts(spec, oldSpec, used));
    }
    return errors;
  }

  private List<FieldError> clusterIp(ObjectNode spec, Used used) {
    String requested = clusterIp(spec);
    IpRange range = network.clusterIps();
    if (requested.isEmpty()) {
      long picked = pick(range.first(), range.last(), used.ips);
      if (picked < 0) {
        return List.of(
            FieldError.invalidOmitValue(
                "spec.clusterIPs", "failed to allocate IP: range is full: " + range.cidr()));
      }
      String ip = IpRange.toText(picked);
      spec.put("clusterIP", ip);
      spec.putArray("clusterIPs").add(ip);
      return List.of();
    }
    Long address = IpRange.toNumber(requested);
    if (address == null) {
      return List.of(); // not an IPv4 address: validation already answered
    }
    if (!range.contains(address)) {
      return List.of(
          FieldError.invalid(
              "spec.clusterIPs[0]",
              requested,
              "failed to allocate IP "
                  + requested
                  + ": the provided IP ("
                  + requested
                  + ") is not in the valid range. The range of valid IPs is "
                  + range.cidr()));
    }
    if (used.ips.contains(address)) {
      return List.of(
          FieldError.invalid(
              "spec.clusterIPs[0]",
              requested,
              "failed to allocate IP " + requested + ": provided IP is already allocated"));
    }
    return List.of();
  }

  private List<FieldError> nodePorts(ObjectNode spec, JsonNode oldSpec, Used used) {
    List<FieldError> errors = new ArrayList<>();
    Set<Long> kept = oldSpec == null ? Set.of() : nodePortsOf(oldSpec);
    Set<Long> taken = new HashSet<>(used.ports);
    List<ObjectNode> ports = Trees.objects(spec, "ports");
    for (int i = 0; i < ports.size(); i++) {
      Long requested = Trees.number(ports.get(i), "nodePort");
      if (requested == null || requested == 0 || kept.contains(requested)) {
        continue;
      }
      String field = "spec.ports[" + i + "].nodePort";
      if (requested < network.firstNodePort() || requested > network.lastNodePort()) {
        errors.add(
            FieldError.invalid(
                field,
                requested,
                "provided port is not in the valid range. The range of valid ports is "
                    + network.nodePortRange()));
      } else if (!taken.add(requested)) {
        errors.add(FieldError.invalid(field, requested, "provided port is already allocated"));
      }
    }
    for (ObjectNode port : ports) {
      Long requested = Trees.number(port, "nodePort");
      if (requested == null || requested == 0) {
        long picked = pick(network.firstNodePort(), network.lastNodePort(), taken);
        if (picked < 0) {
          errors.add(
              FieldError.invalidOmitValue(
                  "spec.ports", "failed to allocate a node port: range is full"));
          break;
        }
        taken.add(picked);
        Trees.putNumber(port, "nodePort", picked);
      }
    }
    return errors;
  }

  /** A random free value in {@code [first, last]}, or -1 when all are taken. */
  private static long pick(long first, long last, Set<Long> taken) {
    long size = last - first + 1;
    long start = ThreadLocalRandom.current().nextLong(size);
    for (long i = 0; i < size; i++) {
      long candidate = first + (start + i) % size;
      if (!taken.contains(candidate)) {
        return candidate;
      }
    }
    return -1;
  }

  /** The cluster IPs and node ports of every stored service but this one. */
  private Used used(ObjectNode service) {
    Used used = new Used(new HashSet<>(), new HashSet<>());
    String uid = Trees.text(service.path("metadata"), "uid", "");
    for (StoredObject stored : ctx.store().list(ListQuery.of("", "services").build()).items()) {
      if (stored.uid() != null && stored.uid().equals(uid)) {
        continue;
      }
      JsonNode spec = ObjectCodec.decode(stored).path("spec");
      for (String ip : Trees.strings(spec, "clusterIPs")) {
        Long address = IpRange.toNumber(ip);
        if (address != null) {
          used.ips.add(address);
        }
      }
      used.ports.addAll(nodePortsOf(spec));
    }
    return used;
  }

  private static Set<Long> nodePortsOf(JsonNode spec) {
    Set<Long> ports = new HashSet<>();
    for (JsonNode port : Trees.items(spec, "ports")) {
      Long nodePort = Trees.number(port, "nodePort");
      if (nodePort != null && nodePort != 0) {
        ports.add(nodePort);
      }
    }
    return ports;
  }

  private static String clusterIp(JsonNode spec) {
    return Trees.text(spec, "clusterIP", "");
  }

  private record Used(Set<Long> ips, Set<Long> ports) {}
}
