package io.pilothouse.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pauses and resumes the control plane's scheduler the way a second kube-scheduler would: by
 * holding its leader-election Lease {@code kube-system/kube-scheduler}. {@link #hold} writes the
 * benchmark as holder with a long lease; the scheduler finds the Lease held by someone else at its
 * next round and stops leading once its renew deadline has passed (10 s by default). {@link
 * #release} clears the holder, and the scheduler takes the Lease back at its next round (every 2 s
 * by default), relists the pending pods and schedules them.
 */
final class SchedulerLease {

  private static final String PATH =
      "/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/kube-scheduler";

  /** The scheduler's renew deadline plus one renew period, with a second to spare. */
  static final long STEP_DOWN_MILLIS = 13_000;

  private final Api api;

  SchedulerLease(Api api) {
    this.api = api;
  }

  /**
   * Takes the Lease for the benchmark; the scheduler has stopped {@link #STEP_DOWN_MILLIS} later.
   */
  void hold() {
    write("\"pilothouse-bench\"", 3600);
  }

  /** Gives the Lease up, as a leader stepping down does. */
  void release() {
    write("null", 1);
  }

  private void write(String holder, int durationSeconds) {
    ObjectNode lease = (ObjectNode) api.json("GET", PATH, null);
    String now = Instant.now().truncatedTo(ChronoUnit.MICROS).toString();
    lease.set(
        "spec",
        Api.JSON.readTree(
            "{\"holderIdentity\":"
                + holder
                + ",\"leaseDurationSeconds\":"
                + durationSeconds
                + ",\"renewTime\":\""
                + now
                + "\"}"));
    api.call("PUT", PATH, lease.toString());
  }
}
