package io.pilothouse.controller;

import io.pilothouse.changefeed.StoreChange;
import java.util.Collection;
import java.util.Set;

/**
 * One level-triggered control loop, shaped as upstream's controllers: change handlers only turn
 * changes into keys of the objects to look at, and {@link #sync} looks at one key's current state
 * and moves the world one step toward it. {@code sync} must be idempotent: the runtime calls it for
 * every key again on each resync, after lost or duplicate messages, and after a restart.
 *
 * <p>Implementations are CDI beans discovered by the controller manager, which runs them only while
 * this instance holds the controller-manager leader Lease.
 */
public interface Controller {

  /** Upstream's name, e.g. {@code replicaset-controller}; used in logs, metrics and events. */
  String name();

  /** The resources (plural, e.g. {@code pods}, {@code replicasets}) whose changes concern it. */
  Set<String> watchedResources();

  /** The keys to sync because of a committed change; empty if the change does not concern it. */
  Collection<ControllerKey> keysFor(StoreChange change, ObjectClient client);

  /** Every key this controller owns, for the periodic resync. */
  Collection<ControllerKey> allKeys(ObjectClient client);

  /** Brings one key's world toward its spec; tells the runtime whether to look again later. */
  SyncResult sync(ControllerKey key, ControllerContext context);
}
