package io.pilothouse.watch;

import io.pilothouse.changefeed.ChangeAnnounced;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wakes the {@link WatchCacheFeeder}'s poller when a write committed on this instance (its events
 * were handed over: {@link io.pilothouse.store.watch.CommittedEvents#onAdd}) or the change topic
 * announced one, and remembers the highest revision the topic announced. A plain CDI bean rather
 * than observer methods on the feeder singleton: an EJB observer called from a transaction's
 * completion would instantiate the singleton there if it had not started yet, and its
 * initialization then fails for good ("Invalid transaction passed to resume()"), leaving the server
 * without watches.
 */
@ApplicationScoped
public class FeedSignal {

  private final Semaphore wake = new Semaphore(0);
  private final AtomicLong announced = new AtomicLong();

  void onAnnounced(@Observes ChangeAnnounced change) {
    announced.accumulateAndGet(change.change().revision(), Math::max);
    wake.release();
  }

  /** Whether the change topic announced a write above {@code revision}, made here or elsewhere. */
  public boolean announcedAfter(long revision) {
    return announced.get() > revision;
  }

  /** Wakes the poller now. */
  public void wakeUp() {
    wake.release();
  }

  /** Waits for a wake-up, at most {@code millis}; wake-ups that piled up count as one. */
  public void await(long millis) throws InterruptedException {
    wake.tryAcquire(millis, TimeUnit.MILLISECONDS);
    wake.drainPermits();
  }
}
