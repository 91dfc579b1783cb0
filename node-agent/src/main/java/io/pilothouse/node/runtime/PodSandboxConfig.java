package io.pilothouse.node.runtime;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the kubelet asks of a pod sandbox: the pod's identity, the IP it had before (kept across
 * agent restarts when still free), its annotations (the simulated runtime reads its timings from
 * them) and the directory its container logs go to.
 */
public record PodSandboxConfig(
    String uid,
    String namespace,
    String name,
    String requestedIp,
    Map<String, String> annotations,
    Path logDirectory) {

  public PodSandboxConfig {
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
  }
}
