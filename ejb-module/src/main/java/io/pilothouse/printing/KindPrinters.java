package io.pilothouse.printing;

import java.util.Map;

/**
 * The one table of printers, keyed by API group and kind: each kind this server serves prints the
 * columns upstream's {@code printers.go} gives it; any other kind gets the default NAME and
 * "Created At" table.
 */
final class KindPrinters {

  private static final KindPrinter DEFAULT = SimplePrinter.defaultTable();

  private static final Map<String, KindPrinter> BY_GROUP_KIND =
      Map.ofEntries(
          Map.entry("/Pod", new PodPrinter()),
          Map.entry("/Node", new NodePrinter()),
          Map.entry("/Namespace", SimplePrinter.namespace()),
          Map.entry("/Service", new ServicePrinter()),
          Map.entry("/Endpoints", new EndpointsPrinter()),
          Map.entry("/ConfigMap", SimplePrinter.configMap()),
          Map.entry("/Secret", SimplePrinter.secret()),
          Map.entry("/ServiceAccount", SimplePrinter.serviceAccount()),
          Map.entry("/Event", new EventPrinter()),
          Map.entry("discovery.k8s.io/EndpointSlice", new EndpointSlicePrinter()),
          Map.entry("apps/Deployment", new DeploymentPrinter()),
          Map.entry("apps/ReplicaSet", new ReplicaSetPrinter()),
          Map.entry("batch/Job", new JobPrinter()),
          Map.entry("coordination.k8s.io/Lease", SimplePrinter.lease()));

  private KindPrinters() {}

  /** The printer of {@code kind} in {@code group} ({@code ""} or null for the core group). */
  static KindPrinter forKind(String group, String kind) {
    String key = (group == null ? "" : group) + "/" + kind;
    return BY_GROUP_KIND.getOrDefault(key, DEFAULT);
  }
}
