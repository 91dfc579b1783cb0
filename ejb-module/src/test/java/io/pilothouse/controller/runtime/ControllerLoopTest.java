package io.pilothouse.controller.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilothouse.api.StatusException;
import io.pilothouse.changefeed.StoreChange;
import io.pilothouse.controller.Controller;
import io.pilothouse.controller.ControllerContext;
import io.pilothouse.controller.ControllerKey;
import io.pilothouse.controller.ObjectClient;
import io.pilothouse.controller.SyncResult;
import io.pilothouse.controller.testing.FakeEventRecorder;
import io.pilothouse.controller.testing.FakeObjectClient;
import io.pilothouse.scheduler.FakeClock;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ControllerLoopTest {

  private static final ControllerKey KEY = new ControllerKey("ns", "a");

  static Stream<Arguments> outcomes() {
    Supplier<SyncResult> conflict =
        () -> {
          throw new StatusException(409, "Conflict", "stale");
        };
    Supplier<SyncResult> bug =
        () -> {
          throw new IllegalStateException("bug");
        };
    return Stream.of(
        Arguments.of("done", (Supplier<SyncResult>) () -> SyncResult.DONE, null, 0),
        Arguments.of(
            "after 30 s",
            (Supplier<SyncResult>) () -> SyncResult.after(Duration.ofSeconds(30)),
            Duration.ofSeconds(30),
            0),
        Arguments.of(
            "retry", (Supplier<SyncResult>) () -> SyncResult.RETRY, Duration.ofMillis(5), 1),
        Arguments.of("conflict", conflict, Duration.ofMillis(5), 1),
        Arguments.of("exception", bug, Duration.ofMillis(5), 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("outcomes")
  void aSyncOutcomeDecidesWhenTheKeyComesBack(
      String name, Supplier<SyncResult> outcome, Duration requeuedAfter, int requeues) {
    FakeClock clock = new FakeClock();
    WorkQueue<ControllerKey> queue = new WorkQueue<>(clock, RateLimiter.DEFAULT.copy());
    ControllerContext context =
        new ControllerContext(
            new FakeObjectClient(Clock.systemUTC()), new FakeEventRecorder(), Clock.systemUTC());
    ControllerLoop loop = new ControllerLoop(controller(outcome), queue, context);
    queue.add(KEY);

    loop.processNextItem(queue.poll().orElseThrow());

    assertThat(queue.numRequeues(KEY)).isEqualTo(requeues);
    if (requeuedAfter == null) {
      clock.advance(Duration.ofDays(1));
      assertThat(queue.poll()).isEmpty();
    } else {
      clock.advance(requeuedAfter.minusMillis(1));
      assertThat(queue.poll()).isEmpty();
      clock.advance(Duration.ofMillis(1));
      assertThat(queue.poll()).contains(KEY);
    }
  }

  private static Controller controller(Supplier<SyncResult> outcome) {
    return new Controller() {
      @Override
      public String name() {
        return "test";
      }

      @Override
      public Set<String> watchedResources() {
        return Set.of();
      }

      @Override
      public Collection<ControllerKey> keysFor(StoreChange change, ObjectClient client) {
        return List.of();
      }

      @Override
      public Collection<ControllerKey> allKeys(ObjectClient client) {
        return List.of();
      }

      @Override
      public SyncResult sync(ControllerKey key, ControllerContext context) {
        return outcome.get();
      }
    };
  }
}
