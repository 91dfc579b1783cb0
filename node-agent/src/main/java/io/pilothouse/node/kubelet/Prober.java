package io.pilothouse.node.kubelet;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Probe;
import java.time.Duration;

/** Runs one probe (or lifecycle hook handler) against a container; the kubelet keeps the score. */
public interface Prober {

  ProbeResult probe(Probe probe, Target target, Duration timeout);

  /** What a probe is aimed at: the pod's IP, the container's spec and its runtime id. */
  record Target(String podIp, Container container, String containerId) {}
}
