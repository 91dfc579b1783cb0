package io.pilothouse.store.jpa;

import io.pilothouse.store.ObjectKey;
import java.util.Set;

/**
 * Tuning of the JPA store: how many revisions of each object the history keeps, and which resources
 * (in {@code GroupResource} notation: {@code leases.coordination.k8s.io}, {@code events}) keep none
 * because they churn and nobody reads their past.
 */
public record StoreConfig(int historyDepth, Set<String> historyExcludedResources) {

  public static final int DEFAULT_HISTORY_DEPTH = 20;

  /** Leases renew every few seconds; Events are themselves history. */
  public static final Set<String> DEFAULT_HISTORY_EXCLUDED =
      Set.of("leases.coordination.k8s.io", "events", "events.events.k8s.io");

  public static final StoreConfig DEFAULT =
      new StoreConfig(DEFAULT_HISTORY_DEPTH, DEFAULT_HISTORY_EXCLUDED);

  public StoreConfig {
    if (historyDepth < 0) {
      throw new IllegalArgumentException("historyDepth must not be negative: " + historyDepth);
    }
    historyExcludedResources = Set.copyOf(historyExcludedResources);
  }

  /** Same exclusions, another depth. */
  public StoreConfig withHistoryDepth(int depth) {
    return new StoreConfig(depth, historyExcludedResources);
  }

  /** Whether writes to this key are kept in the object history. */
  public boolean keepsHistory(ObjectKey key) {
    return historyDepth > 0 && !historyExcludedResources.contains(key.groupResource());
  }
}
