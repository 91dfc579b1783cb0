package io.pilothouse.scheduler.runtime;

import io.pilothouse.scheduler.PendingBinding;
import io.pilothouse.scheduler.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * kube-scheduler's {@code scheduleOne} loop on a thread of its own: scheduling cycles run one at a
 * time on the loop thread, binding cycles (the {@code pods/binding} write and the event) on a small
 * pool so the next pod is placed while the last binding commits, as upstream binds asynchronously.
 * With no pod ready the loop sleeps until the queue's next backoff expiry, at most a second (the
 * scheduler's housekeeping period), or until a change wakes it.
 */
final class SchedulingLoop {

  private static final Logger LOG = Logger.getLogger(SchedulingLoop.class.getName());

  /**
   * Binding cycles at once. Each waits for its write's durable checkpoint, so more of them share
   * one: 16 let binding keep up with a ReplicaSet's creates, and 48 with 32 clients creating pods
   * as fast as the server takes them (the last pod bound when the last is created, where 16 left a
   * 3.4 s tail; docs/performance.md, issue 4). Waiting binders cost a parked thread each.
   */
  private static final int BINDERS = 48;

  private static final long MAX_IDLE_MILLIS = 1000;

  private final Scheduler scheduler;
  private final Object signal = new Object();
  private final Semaphore bindSlots = new Semaphore(BINDERS * 4);
  private volatile Thread thread;
  private ExecutorService binders;
  private boolean woken;

  SchedulingLoop(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  synchronized void start(ThreadFactory threads) {
    if (thread != null) {
      return;
    }
    binders = Executors.newFixedThreadPool(BINDERS, threads);
    Thread started = threads.newThread(this::run);
    started.setName("scheduler-loop");
    thread = started;
    started.start();
  }

  synchronized void stop() {
    if (thread != null) {
      thread.interrupt();
      thread = null;
      binders.shutdownNow();
    }
  }

  /** A change arrived: look at the queue now. */
  void wake() {
    synchronized (signal) {
      woken = true;
      signal.notifyAll();
    }
  }

  private void run() {
    Thread self = Thread.currentThread();
    while (thread == self) {
      try {
        bindSlots.acquire();
        Optional<PendingBinding> pending = scheduler.schedulingCycle();
        if (pending.isPresent()) {
          binders.execute(() -> bind(pending.get()));
        } else {
          bindSlots.release();
          if (!scheduler.hasReadyPods()) {
            idle();
          }
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "scheduling loop", e);
      }
    }
  }

  private void bind(PendingBinding pending) {
    try {
      scheduler.bindingCycle(pending);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "binding cycle", e);
    } finally {
      bindSlots.release();
    }
  }

  private void idle() throws InterruptedException {
    long wait = MAX_IDLE_MILLIS;
    Optional<Instant> next = scheduler.nextWakeUp();
    if (next.isPresent()) {
      wait = Math.max(1, Math.min(wait, Duration.between(Instant.now(), next.get()).toMillis()));
    }
    synchronized (signal) {
      if (!woken) {
        signal.wait(wait);
      }
      woken = false;
    }
  }
}
