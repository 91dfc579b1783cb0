package io.pilothouse.controller.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilothouse.scheduler.FakeClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkQueueTest {

  private final FakeClock clock = new FakeClock();
  private final WorkQueue<String> queue = new WorkQueue<>(clock, RateLimiter.DEFAULT.copy());

  @Test
  void aKeyAddedTwiceIsHandedOutOnce() {
    queue.add("a");
    queue.add("a");
    queue.add("b");

    assertThat(queue.poll()).contains("a");
    assertThat(queue.poll()).contains("b");
    assertThat(queue.poll()).isEmpty();
  }

  @Test
  void aKeyBeingProcessedIsNotHandedOutAgainUntilDone() {
    queue.add("a");
    assertThat(queue.poll()).contains("a");

    queue.add("a");
    assertThat(queue.poll()).isEmpty();

    queue.done("a");
    assertThat(queue.poll()).contains("a");
    queue.done("a");
    assertThat(queue.poll()).isEmpty();
  }

  @Test
  void addAfterWaitsForItsDelayAndTheEarliestRequestWins() {
    queue.addAfter("a", Duration.ofSeconds(10));
    queue.addAfter("a", Duration.ofSeconds(2));
    assertThat(queue.poll()).isEmpty();

    clock.advance(Duration.ofSeconds(2));
    assertThat(queue.poll()).contains("a");
    queue.done("a");

    clock.advance(Duration.ofSeconds(10));
    assertThat(queue.poll()).isEmpty();
  }

  @Test
  void rateLimitedRetriesBackOffExponentiallyUntilForgotten() {
    RateLimiter limiter = new RateLimiter(Duration.ofMillis(5), Duration.ofSeconds(1000));

    assertThat(limiter.when("a")).isEqualTo(Duration.ofMillis(5));
    assertThat(limiter.when("a")).isEqualTo(Duration.ofMillis(10));
    assertThat(limiter.when("a")).isEqualTo(Duration.ofMillis(20));
    assertThat(limiter.numRequeues("a")).isEqualTo(3);
    assertThat(limiter.when("b")).isEqualTo(Duration.ofMillis(5));

    limiter.forget("a");
    assertThat(limiter.when("a")).isEqualTo(Duration.ofMillis(5));
  }

  @Test
  void backoffIsCappedAtTheMaximum() {
    RateLimiter limiter = new RateLimiter(Duration.ofMillis(5), Duration.ofSeconds(1000));
    Duration last = Duration.ZERO;
    for (int i = 0; i < 100; i++) {
      last = limiter.when("a");
    }
    assertThat(last).isEqualTo(Duration.ofSeconds(1000));
  }

  @Test
  void addRateLimitedDelaysByTheKeysBackoff() {
    queue.addRateLimited("a");
    assertThat(queue.poll()).isEmpty();

    clock.advance(Duration.ofMillis(5));
    assertThat(queue.poll()).contains("a");
  }

  @Test
  void takeReturnsEmptyAfterShutdown() throws InterruptedException {
    queue.shutDown();
    queue.add("a");

    Optional<String> taken = queue.take(Duration.ofMillis(10));

    assertThat(taken).isEmpty();
  }
}
