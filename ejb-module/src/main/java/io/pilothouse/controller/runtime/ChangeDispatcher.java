package io.pilothouse.controller.runtime;

import io.pilothouse.changefeed.StoreChange;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands committed changes to a consumer on a thread of its own, so that the watch cache feeder only
 * queues and returns (no reads on its thread, no slow handler holding the caches back). Changes
 * offered while it is stopped are dropped: whoever starts it resyncs.
 */
public final class ChangeDispatcher {

  private static final Logger LOG = Logger.getLogger(ChangeDispatcher.class.getName());
  private static final int MAX_PENDING = 200_000;

  private final String name;
  private final Consumer<StoreChange> consumer;
  private final LinkedBlockingQueue<StoreChange> pending = new LinkedBlockingQueue<>(MAX_PENDING);
  private volatile Thread thread;

  public ChangeDispatcher(String name, Consumer<StoreChange> consumer) {
    this.name = name;
    this.consumer = consumer;
  }

  /** Queues a change if running; never blocks the caller. */
  public void offer(StoreChange change) {
    if (thread != null && !pending.offer(change)) {
      LOG.warning(name + " backlog full; dropping " + change + "; resync will cover it");
    }
  }

  public synchronized void start(ThreadFactory threads) {
    if (thread != null) {
      return;
    }
    Thread started = threads.newThread(this::run);
    started.setName(name);
    thread = started;
    started.start();
  }

  public synchronized void stop() {
    if (thread != null) {
      thread.interrupt();
      thread = null;
    }
    pending.clear();
  }

  private void run() {
    Thread self = Thread.currentThread();
    while (thread == self) {
      StoreChange change;
      try {
        change = pending.poll(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (change != null) {
        try {
          consumer.accept(change);
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, name + " could not handle " + change, e);
        }
      }
    }
  }
}
