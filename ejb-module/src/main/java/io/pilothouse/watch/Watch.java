package io.pilothouse.watch;

import io.pilothouse.store.StoreEvent;
import io.pilothouse.store.watch.Subscription;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One open watch: a bounded queue between the watch cache (producer) and the client's stream
 * (consumer). A client too slow to keep up overflows the queue and has its watch closed, as
 * kube-apiserver closes slow watchers; the client then watches again from its last revision.
 */
public final class Watch implements AutoCloseable {

  private static final int CAPACITY = 10_000;

  private final BlockingQueue<WatchEvent> queue = new ArrayBlockingQueue<>(CAPACITY);
  private volatile Subscription subscription;
  private volatile boolean overflowed;
  private volatile boolean closed;
  private volatile long progress;

  void attach(Subscription subscription) {
    this.subscription = subscription;
  }

  /** Queues an event; on overflow the watch is ended. */
  void offer(WatchEvent event) {
    if (closed || overflowed) {
      return;
    }
    if (!queue.offer(event)) {
      overflowed = true;
      cancelSubscription();
      return;
    }
    advanceTo(event.revision());
  }

  /**
   * Records that every event up to {@code revision} was queued or does not concern this watch (the
   * opening thread calls it after the initial list or a replay from the log).
   */
  void advanceTo(long revision) {
    if (revision > progress) {
      progress = revision;
    }
  }

  /**
   * The revision a BOOKMARK may announce: every event up to it was queued or filtered out. Read it
   * before polling; if the poll then finds the queue empty, every event up to it was taken. Zero
   * once the watch overflowed, when no bookmark may be sent.
   */
  public long progress() {
    if (overflowed || !subscribed()) {
      return 0;
    }
    Subscription current = subscription;
    return current == null ? progress : Math.max(progress, current.revision());
  }

  /** Listener for the watch cache. */
  void deliver(StoreEvent event) {
    offer(WatchEvent.of(event));
  }

  /** The next event, waiting at most the given time; null if none came. */
  public WatchEvent poll(long timeout, TimeUnit unit) throws InterruptedException {
    return queue.poll(timeout, unit);
  }

  /**
   * Whether the stream must end: closed, or no more events will come (the client fell too far
   * behind, or the watch cache dropped the subscription) and the queue is drained.
   */
  public boolean ended() {
    return closed || ((overflowed || !subscribed()) && queue.isEmpty());
  }

  private boolean subscribed() {
    Subscription current = subscription;
    return current == null || current.isActive();
  }

  @Override
  public void close() {
    closed = true;
    cancelSubscription();
  }

  private void cancelSubscription() {
    Subscription current = subscription;
    if (current != null) {
      current.cancel();
    }
  }
}
