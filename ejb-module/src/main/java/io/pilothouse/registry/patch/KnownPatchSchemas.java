package io.pilothouse.registry.patch;

import static io.pilothouse.registry.patch.FieldStrategy.mergeByKey;
import static io.pilothouse.registry.patch.FieldStrategy.mergePrimitives;

import java.util.List;
import java.util.Map;

/**
 * The patch schemas of the kinds this server serves, transcribed from the {@code patchStrategy} /
 * {@code patchMergeKey} tags of k8s.io/api ({@code core/v1}, {@code apps/v1}, {@code batch/v1},
 * {@code policy/v1}) and k8s.io/apimachinery ({@code meta/v1} ObjectMeta). Fields tagged only
 * {@code +listType=atomic} or not at all (Endpoints subsets, EndpointSlice endpoints, taints,
 * tolerations, Job {@code podFailurePolicy}...) are left out: their lists are replaced, as
 * upstream.
 */
final class KnownPatchSchemas {

  static final PatchSchema METADATA =
      PatchSchema.empty()
          .with("metadata.ownerReferences", mergeByKey("uid"))
          .with("metadata.finalizers", mergePrimitives());

  private static final List<String> CONTAINER_LISTS =
      List.of("containers", "initContainers", "ephemeralContainers");

  private static final List<String> CONTAINER_STATUS_LISTS =
      List.of("containerStatuses", "initContainerStatuses", "ephemeralContainerStatuses");

  private static final PatchSchema CONDITIONS =
      METADATA.with("status.conditions", mergeByKey("type"));

  /** PodSpec, wherever it is nested: a Pod's {@code spec}, a template's {@code spec}. */
  private static final PatchSchema POD_SPEC = podSpec();

  private static final PatchSchema WORKLOAD = CONDITIONS.with(POD_SPEC);

  private static final Map<String, PatchSchema> BY_KIND =
      Map.ofEntries(
          Map.entry("/Pod", WORKLOAD.with(podStatus())),
          Map.entry("/PodTemplate", METADATA.with(POD_SPEC)),
          Map.entry("/ReplicationController", WORKLOAD),
          Map.entry("/Node", node()),
          Map.entry("/Service", CONDITIONS.with("spec.ports", mergeByKey("port"))),
          Map.entry(
              "/ServiceAccount",
              METADATA
                  .with("secrets", mergeByKey("name"))
                  .with("imagePullSecrets", mergeByKey("name"))),
          Map.entry("/Namespace", CONDITIONS),
          Map.entry(
              "apps/Deployment", WORKLOAD.with("spec.strategy", FieldStrategy.retainKeysOnly())),
          Map.entry("apps/ReplicaSet", WORKLOAD),
          Map.entry("apps/StatefulSet", WORKLOAD),
          Map.entry("apps/DaemonSet", WORKLOAD),
          Map.entry("batch/Job", WORKLOAD),
          Map.entry("batch/CronJob", METADATA.with(POD_SPEC)),
          Map.entry(
              "policy/PodDisruptionBudget",
              CONDITIONS.with("spec.selector", FieldStrategy.replaceWhole())));

  private KnownPatchSchemas() {}

  static PatchSchema forKind(String group, String kind) {
    return BY_KIND.getOrDefault(group + "/" + kind, METADATA);
  }

  private static PatchSchema podSpec() {
    PatchSchema schema = PatchSchema.empty();
    for (String list : CONTAINER_LISTS) {
      schema =
          schema
              .with("spec." + list, mergeByKey("name"))
              .with(list + ".ports", mergeByKey("containerPort"))
              .with(list + ".env", mergeByKey("name"))
              .with(list + ".volumeMounts", mergeByKey("mountPath"))
              .with(list + ".volumeDevices", mergeByKey("devicePath"));
    }
    return schema
        .with("spec.volumes", mergeByKey("name").withRetainKeys())
        .with("spec.imagePullSecrets", mergeByKey("name"))
        .with("spec.hostAliases", mergeByKey("ip"))
        .with("spec.topologySpreadConstraints", mergeByKey("topologyKey"))
        .with("spec.schedulingGates", mergeByKey("name"))
        .with("spec.resourceClaims", mergeByKey("name").withRetainKeys());
  }

  private static PatchSchema podStatus() {
    PatchSchema schema =
        PatchSchema.empty()
            .with("status.podIPs", mergeByKey("ip"))
            .with("status.hostIPs", mergeByKey("ip"))
            .with("status.resourceClaimStatuses", mergeByKey("name").withRetainKeys());
    for (String list : CONTAINER_STATUS_LISTS) {
      schema =
          schema
              .with(list + ".volumeMounts", mergeByKey("mountPath"))
              .with(list + ".allocatedResourcesStatus", mergeByKey("name"));
    }
    return schema;
  }

  private static PatchSchema node() {
    return CONDITIONS
        .with("spec.podCIDRs", mergePrimitives())
        .with("status.addresses", mergeByKey("type"));
  }
}
