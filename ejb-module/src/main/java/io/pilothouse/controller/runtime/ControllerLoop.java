package io.pilothouse.controller.runtime;

import io.pilothouse.api.StatusException;
import io.pilothouse.controller.Controller;
import io.pilothouse.controller.ControllerContext;
import io.pilothouse.controller.ControllerKey;
import io.pilothouse.controller.SyncResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one {@link Controller}: its {@link WorkQueue} and worker threads, each taking a key, calling
 * {@code sync}, and requeueing as the {@link SyncResult} says — after a delay, with backoff, or not
 * at all (the key's backoff is then forgotten). A sync that throws is retried with backoff;
 * conflicts and vanished objects (409, 404) are expected races and logged quietly.
 */
public final class ControllerLoop {

  private static final Logger LOG = Logger.getLogger(ControllerLoop.class.getName());
  private static final Duration POLL = Duration.ofSeconds(1);

  private final Controller controller;
  private final WorkQueue<ControllerKey> queue;
  private final ControllerContext context;
  private final List<Thread> workers = new ArrayList<>();
  private volatile boolean running;

  public ControllerLoop(
      Controller controller, WorkQueue<ControllerKey> queue, ControllerContext context) {
    this.controller = controller;
    this.queue = queue;
    this.context = context;
  }

  public Controller controller() {
    return controller;
  }

  public WorkQueue<ControllerKey> queue() {
    return queue;
  }

  /** Queues keys (from a change or a resync). */
  public void enqueue(Collection<ControllerKey> keys) {
    keys.forEach(queue::add);
  }

  /** Starts {@code count} workers from the container's thread factory. */
  public synchronized void start(ThreadFactory threads, int count) {
    if (running) {
      return;
    }
    running = true;
    for (int i = 0; i < count; i++) {
      Thread worker = threads.newThread(this::work);
      worker.setName(controller.name() + "-worker-" + i);
      worker.start();
      workers.add(worker);
    }
  }

  /** Stops the workers; keys left in the queue are picked up by the next resync. */
  public synchronized void stop() {
    running = false;
    workers.forEach(Thread::interrupt);
    workers.clear();
  }

  private void work() {
    while (running) {
      try {
        queue.take(POLL).ifPresent(this::processNextItem);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** One key: sync it and requeue as its result asks. Public for single-threaded tests. */
  public void processNextItem(ControllerKey key) {
    try {
      handle(key, controller.sync(key, context));
    } catch (StatusException e) {
      LOG.log(
          e.code() == 409 || e.code() == 404 ? Level.FINE : Level.WARNING,
          () -> controller.name() + " sync " + key + ": " + e.getMessage());
      queue.addRateLimited(key);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, controller.name() + " sync " + key + " failed", e);
      queue.addRateLimited(key);
    } finally {
      queue.done(key);
    }
  }

  private void handle(ControllerKey key, SyncResult result) {
    if (result == null) {
      queue.forget(key);
    } else if (result.retryWithBackoff()) {
      queue.addRateLimited(key);
    } else {
      queue.forget(key);
      if (result.requeueAfter() != null) {
        queue.addAfter(key, result.requeueAfter());
      }
    }
  }
}
