package io.pilothouse.registry.strategy.pod;

import io.pilothouse.registry.validation.Trees;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * Upstream's defaults for every pod spec, in pods and in workload templates alike ({@code
 * SetDefaults_PodSpec}, {@code SetDefaults_Volume} and friends): DNS and restart policy, grace
 * period, scheduler, security context, each container's defaults, volume file modes, and the v1
 * {@code serviceAccount} alias kept equal to {@code serviceAccountName}.
 */
public final class PodSpecDefaults {

  /** The volume source fields; a volume with none of them becomes an {@code emptyDir}. */
  static final List<String> VOLUME_SOURCES =
      List.of(
          "emptyDir",
          "hostPath",
          "gitRepo",
          "gcePersistentDisk",
          "awsElasticBlockStore",
          "secret",
          "nfs",
          "iscsi",
          "glusterfs",
          "flocker",
          "persistentVolumeClaim",
          "rbd",
          "cinder",
          "cephfs",
          "quobyte",
          "downwardAPI",
          "fc",
          "flexVolume",
          "configMap",
          "azureFile",
          "vsphereVolume",
          "photonPersistentDisk",
          "portworxVolume",
          "azureDisk",
          "storageos",
          "projected",
          "scaleIO",
          "csi",
          "ephemeral",
          "image");

  private static final int DEFAULT_MODE = 0644;
  private static final Set<String> MODE_SOURCES =
      Set.of("secret", "configMap", "downwardAPI", "projected");

  private PodSpecDefaults() {}

  /** Fills the defaults of a pod spec. */
  public static void apply(ObjectNode spec) {
    Trees.putIfAbsent(spec, "dnsPolicy", "ClusterFirst");
    Trees.putIfAbsent(spec, "restartPolicy", "Always");
    if (!Trees.present(spec, "securityContext")) {
      spec.putObject("securityContext");
    }
    Trees.putIfAbsent(spec, "terminationGracePeriodSeconds", 30);
    Trees.putIfAbsent(spec, "schedulerName", "default-scheduler");
    for (String list : List.of("containers", "initContainers", "ephemeralContainers")) {
      for (ObjectNode container : Trees.objects(spec, list)) {
        ContainerDefaults.apply(container);
      }
    }
    for (ObjectNode volume : Trees.objects(spec, "volumes")) {
      applyVolume(volume);
    }
    ObjectNode podResources = Trees.object(spec, "resources");
    if (podResources != null) {
      ContainerDefaults.canonicalizeResourceList(Trees.object(podResources, "limits"));
      ContainerDefaults.canonicalizeResourceList(Trees.object(podResources, "requests"));
    }
    String account = Trees.text(spec, "serviceAccountName", "");
    if (account.isEmpty()) {
      account = Trees.text(spec, "serviceAccount", "");
    }
    if (!account.isEmpty()) {
      spec.put("serviceAccountName", account);
      spec.put("serviceAccount", account);
    }
  }

  private static void applyVolume(ObjectNode volume) {
    boolean hasSource = VOLUME_SOURCES.stream().anyMatch(source -> Trees.present(volume, source));
    if (!hasSource) {
      volume.putObject("emptyDir");
    }
    for (String source : MODE_SOURCES) {
      ObjectNode node = Trees.object(volume, source);
      if (node != null) {
        Trees.putIfAbsent(node, "defaultMode", DEFAULT_MODE);
      }
    }
    applyDownwardApiItems(Trees.object(volume, "downwardAPI"));
    ObjectNode projected = Trees.object(volume, "projected");
    if (projected != null) {
      for (ObjectNode source : Trees.objects(projected, "sources")) {
        applyDownwardApiItems(Trees.object(source, "downwardAPI"));
        ObjectNode token = Trees.object(source, "serviceAccountToken");
        if (token != null) {
          Trees.putIfAbsent(token, "expirationSeconds", 3600);
        }
      }
    }
    ObjectNode hostPath = Trees.object(volume, "hostPath");
    if (hostPath != null) {
      Trees.putIfAbsent(hostPath, "type", "");
    }
    ContainerDefaults.canonicalizeQuantity(Trees.object(volume, "emptyDir"), "sizeLimit");
    ObjectNode ephemeral = Trees.object(volume, "ephemeral");
    ObjectNode template = Trees.object(ephemeral, "volumeClaimTemplate");
    ObjectNode claimSpec = Trees.object(template, "spec");
    if (claimSpec != null) {
      Trees.putIfAbsent(claimSpec, "volumeMode", "Filesystem");
    }
  }

  private static void applyDownwardApiItems(ObjectNode downwardApi) {
    for (ObjectNode item : Trees.objects(downwardApi, "items")) {
      ContainerDefaults.applyEnvSource(item);
    }
  }
}
