package io.pilothouse.dashboard;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.security.Principal;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a drain in the background, as {@code kubectl drain} does in a terminal: cordon, evict each
 * pod (reporting every step to the {@link DrainTracker}), then wait until the evicted pods are gone
 * from the node, at most {@link #TERMINATION_WAIT} (a node whose kubelet is down never confirms).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DrainRunner {

  private static final Logger LOG = Logger.getLogger(DrainRunner.class.getName());
  static final Duration TERMINATION_WAIT = Duration.ofMinutes(2);
  private static final long POLL_MILLIS = 500;

  @Inject private NodeActions nodes;
  @Inject private DrainTracker tracker;

  /** Starts draining {@code node}; progress appears in the tracker under {@code id}. */
  @Asynchronous
  public void drain(String id, String node, int planned, Principal user) {
    DrainProgress progress = DrainProgress.starting(node, planned);
    tracker.update(id, progress);
    try {
      progress = nodes.drain(node, user, step -> tracker.update(id, step));
      long deadline = System.nanoTime() + TERMINATION_WAIT.toNanos();
      int left = nodes.stillPresent(progress.evicted());
      while (left > 0 && System.nanoTime() < deadline) {
        tracker.update(id, progress.waiting(left, false));
        Thread.sleep(POLL_MILLIS);
        left = nodes.stillPresent(progress.evicted());
      }
      tracker.update(id, progress.waiting(left, true));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      tracker.update(id, progress.waiting(progress.terminating(), true));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "drain of " + node + " failed", e);
      tracker.update(id, tracker.get(id).orElse(progress).failed(e.getMessage()));
    }
  }
}
