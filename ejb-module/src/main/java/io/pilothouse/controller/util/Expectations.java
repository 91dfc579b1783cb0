package io.pilothouse.controller.util;

import io.pilothouse.controller.ControllerKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Upstream's controller expectations: after a controller creates or deletes pods for a key it
 * records their names, and does not create or delete again for that key until it has seen every one
 * of those writes land (the created pods listed, the deleted ones gone or terminating, or a
 * deletion announced), or until {@link #TTL} has passed. This keeps a sync that reads a lagging
 * view from creating duplicates.
 */
public final class Expectations {

  /** Upstream's {@code ExpectationsTimeout}. */
  public static final Duration TTL = Duration.ofMinutes(5);

  private record Pending(Set<String> creates, Set<String> deletes, Instant since) {}

  private final Map<ControllerKey, Pending> pending = new ConcurrentHashMap<>();
  private final Clock clock;

  public Expectations(Clock clock) {
    this.clock = clock;
  }

  /** Records that pods with these names were just created for {@code key}. */
  public void expectCreations(ControllerKey key, Collection<String> names) {
    entry(key).creates.addAll(names);
  }

  /** Records that pods with these names were just deleted for {@code key}. */
  public void expectDeletions(ControllerKey key, Collection<String> names) {
    entry(key).deletes.addAll(names);
  }

  /**
   * Marks what a fresh read shows: {@code present} are the names listed now, {@code gone} the names
   * absent or terminating. Returns whether nothing is awaited any more (or the wait expired).
   */
  public boolean satisfied(ControllerKey key, Set<String> present, Set<String> live) {
    Pending p = pending.get(key);
    if (p == null) {
      return true;
    }
    p.creates.removeIf(present::contains);
    p.deletes.removeIf(name -> !live.contains(name));
    if ((p.creates.isEmpty() && p.deletes.isEmpty())
        || p.since.plus(TTL).isBefore(clock.instant())) {
      pending.remove(key);
      return true;
    }
    return false;
  }

  /** A pod's deletion was announced: neither awaited as a create nor as a delete any more. */
  public void observeDeletion(String podName) {
    for (Pending p : pending.values()) {
      p.creates.remove(podName);
      p.deletes.remove(podName);
    }
  }

  /** Forgets a key whose object is gone. */
  public void forget(ControllerKey key) {
    pending.remove(key);
  }

  private Pending entry(ControllerKey key) {
    return pending.computeIfAbsent(
        key,
        k ->
            new Pending(
                ConcurrentHashMap.newKeySet(), ConcurrentHashMap.newKeySet(), clock.instant()));
  }
}
