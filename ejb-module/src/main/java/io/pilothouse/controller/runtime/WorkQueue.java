package io.pilothouse.controller.runtime;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A controller's rate-limited work queue with client-go's semantics: a key waiting in the queue is
 * held once however often it is added (dirty set); a key being processed is never handed to a
 * second worker, and a key added while processing is queued again when its worker calls {@link
 * #done}; {@link #addAfter} delays a key (the earliest requested time wins); {@link
 * #addRateLimited} delays it by the {@link RateLimiter}'s exponential per-key backoff until {@link
 * #forget}.
 */
public final class WorkQueue<T> {

  private final InstantSource clock;
  private final RateLimiter limiter;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<T> queue = new ArrayDeque<>();
  private final Set<T> dirty = new HashSet<>();
  private final Set<T> processing = new HashSet<>();
  private final Map<T, Instant> waiting = new HashMap<>();
  private final PriorityQueue<Delayed<T>> delayed = new PriorityQueue<>();
  private boolean shuttingDown;

  public WorkQueue(InstantSource clock, RateLimiter limiter) {
    this.clock = clock;
    this.limiter = limiter;
  }

  /** Queues the key unless it is already waiting. */
  public void add(T item) {
    lock.lock();
    try {
      if (shuttingDown || !dirty.add(item)) {
        return;
      }
      if (!processing.contains(item)) {
        queue.addLast(item);
        changed.signal();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Queues the key once {@code delay} has passed. */
  public void addAfter(T item, Duration delay) {
    if (delay.isZero() || delay.isNegative()) {
      add(item);
      return;
    }
    lock.lock();
    try {
      if (shuttingDown) {
        return;
      }
      Instant at = clock.instant().plus(delay);
      Instant known = waiting.get(item);
      if (known == null || at.isBefore(known)) {
        waiting.put(item, at);
        delayed.add(new Delayed<>(at, item));
        changed.signal();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Queues the key after its exponential backoff. */
  public void addRateLimited(T item) {
    addAfter(item, limiter.when(item));
  }

  /** Ends the key's backoff: its next failure waits the base delay again. */
  public void forget(T item) {
    limiter.forget(item);
  }

  public int numRequeues(T item) {
    return limiter.numRequeues(item);
  }

  /** The next key to process, if one is ready now; the caller must call {@link #done} after. */
  public Optional<T> poll() {
    lock.lock();
    try {
      promoteDue();
      return Optional.ofNullable(next());
    } finally {
      lock.unlock();
    }
  }

  /** Waits up to {@code timeout} for a key; empty on timeout or shutdown. */
  public Optional<T> take(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      while (!shuttingDown) {
        promoteDue();
        T item = next();
        if (item != null) {
          return Optional.of(item);
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return Optional.empty();
        }
        changed.await(Math.min(left, untilNextDue()), TimeUnit.NANOSECONDS);
      }
      return Optional.empty();
    } finally {
      lock.unlock();
    }
  }

  /** Marks the key processed; if it was added meanwhile it is queued again. */
  public void done(T item) {
    lock.lock();
    try {
      processing.remove(item);
      if (dirty.contains(item)) {
        queue.addLast(item);
        changed.signal();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Keys ready or being processed, plus delayed ones. */
  public int length() {
    lock.lock();
    try {
      return queue.size() + waiting.size();
    } finally {
      lock.unlock();
    }
  }

  /** Stops handing out keys and wakes every waiting worker. */
  public void shutDown() {
    lock.lock();
    try {
      shuttingDown = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private T next() {
    T item = queue.pollFirst();
    if (item != null) {
      processing.add(item);
      dirty.remove(item);
    }
    return item;
  }

  private void promoteDue() {
    Instant now = clock.instant();
    while (!delayed.isEmpty() && !delayed.peek().at().isAfter(now)) {
      Delayed<T> due = delayed.poll();
      if (due.at().equals(waiting.get(due.item()))) {
        waiting.remove(due.item());
        add(due.item());
      }
    }
  }

  private long untilNextDue() {
    if (delayed.isEmpty()) {
      return Long.MAX_VALUE;
    }
    return Math.max(1, Duration.between(clock.instant(), delayed.peek().at()).toNanos());
  }

  private record Delayed<T>(Instant at, T item) implements Comparable<Delayed<T>> {
    @Override
    public int compareTo(Delayed<T> other) {
      return at.compareTo(other.at);
    }
  }
}
