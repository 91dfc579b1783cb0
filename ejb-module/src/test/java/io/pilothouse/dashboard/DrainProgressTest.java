package io.pilothouse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilothouse.controller.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DrainProgressTest {

  @Test
  void summarySaysWhatIsEvictedRefusedAndStillTerminating() {
    DrainProgress start = DrainProgress.starting("node-2", 3);
    assertThat(start.summary()).isEqualTo("node-2: 0 of 3 pods evicted …");
    assertThat(start.percent()).isZero();

    DrainProgress evicted =
        new DrainProgress("node-2", 3, List.of("a/p1", "a/p2"), List.of("a/p3: busy"), 0, false);
    assertThat(evicted.percent()).isEqualTo(100);
    assertThat(evicted.waiting(2, false).summary())
        .isEqualTo("node-2: 2 of 3 pods evicted, 1 refused, 2 terminating …");
    assertThat(evicted.waiting(0, true).summary())
        .isEqualTo("node-2: 2 of 3 pods evicted, 1 refused");
    assertThat(evicted.waiting(1, true).summary())
        .isEqualTo(
            "node-2: 2 of 3 pods evicted, 1 refused, 1 not terminated yet (is the node's kubelet"
                + " running?)");
  }

  @Test
  void aFailedDrainIsDoneWithTheReasonAmongTheRefusals() {
    DrainProgress failed = DrainProgress.starting("n", 2).failed("node \"n\" not found");
    assertThat(failed.done()).isTrue();
    assertThat(failed.refused()).containsExactly("drain stopped: node \"n\" not found");
  }

  @Test
  void theTrackerKeepsTheLatestProgressAndForgetsFinishedDrainsAfterTenMinutes() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    DrainTracker tracker = new DrainTracker(clock);
    tracker.update("d1", DrainProgress.starting("n", 1));
    tracker.update("d1", DrainProgress.starting("n", 1).waiting(1, false));
    assertThat(tracker.get("d1")).get().extracting(DrainProgress::terminating).isEqualTo(1);
    tracker.update("d1", DrainProgress.starting("n", 1).waiting(0, true));
    tracker.update("d2", DrainProgress.starting("m", 1));

    clock.advance(Duration.ofMinutes(11));
    tracker.update("d3", DrainProgress.starting("o", 1));

    assertThat(tracker.get("d1")).isEmpty();
    assertThat(tracker.get("d2")).isPresent();
    assertThat(tracker.get("missing")).isEmpty();
  }
}
