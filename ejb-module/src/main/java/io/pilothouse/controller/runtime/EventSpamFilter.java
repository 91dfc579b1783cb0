package io.pilothouse.controller.runtime;

import io.fabric8.kubernetes.api.model.ObjectReference;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Upstream's {@code EventSourceObjectSpamFilter} (client-go {@code tools/record}): one token bucket
 * per event source and involved object, holding {@link #BURST} tokens and refilled at one token per
 * five minutes. Each event takes a token; an event finding the bucket empty is dropped. So a
 * ReplicaSet scaled to 1,000 replicas gets its first 25 {@code SuccessfulCreate} events, as from
 * kube-controller-manager, not 1,000 event writes competing with the pods' own; a pod that fails
 * scheduling on every retry stops adding to its event's count after 25. Buckets of the 4,096 most
 * recently seen keys are kept, as upstream's LRU cache.
 */
final class EventSpamFilter {

  static final int BURST = 25;
  static final double TOKENS_PER_SECOND = 1.0 / 300;
  private static final int MAX_KEYS = 4096;

  private final Clock clock;
  private final Map<String, double[]> buckets =
      Collections.synchronizedMap(
          new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
              return size() > MAX_KEYS;
            }
          });

  EventSpamFilter(Clock clock) {
    this.clock = clock;
  }

  /** Whether an event from {@code component} about {@code involved} may be written now. */
  boolean allow(String component, ObjectReference involved) {
    String key =
        String.join(
            "\u0000",
            component,
            String.valueOf(involved.getKind()),
            String.valueOf(involved.getNamespace()),
            String.valueOf(involved.getName()),
            String.valueOf(involved.getUid()),
            String.valueOf(involved.getApiVersion()));
    double now = clock.millis() / 1000.0;
    synchronized (buckets) {
      // {tokens, time of the last refill in seconds}
      double[] bucket = buckets.computeIfAbsent(key, k -> new double[] {BURST, now});
      bucket[0] = Math.min(BURST, bucket[0] + (now - bucket[1]) * TOKENS_PER_SECOND);
      bucket[1] = now;
      if (bucket[0] < 1) {
        return false;
      }
      bucket[0] -= 1;
      return true;
    }
  }
}
