package io.pilothouse.controller.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.pilothouse.api.StatusException;
import io.pilothouse.controller.testing.FakeObjectClient;
import io.pilothouse.controller.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeaderElectorTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final FakeObjectClient client = new FakeObjectClient(clock);
  private final List<String> transitions = new ArrayList<>();

  private LeaderElector elector(String identity) {
    return new LeaderElector(
        client,
        clock,
        "kube-system",
        "kube-controller-manager",
        identity,
        Duration.ofSeconds(15),
        Duration.ofSeconds(10),
        () -> transitions.add(identity + " started"),
        () -> transitions.add(identity + " stopped"));
  }

  private Lease lease() {
    return client.require(Lease.class, "kube-system", "kube-controller-manager");
  }

  @Test
  void theFirstInstanceCreatesTheLeaseAndLeads() {
    LeaderElector a = elector("a");

    assertThat(a.tryAcquireOrRenew()).isTrue();

    assertThat(lease().getSpec().getHolderIdentity()).isEqualTo("a");
    assertThat(lease().getSpec().getLeaseDurationSeconds()).isEqualTo(15);
    assertThat(lease().getSpec().getLeaseTransitions()).isZero();
    assertThat(transitions).containsExactly("a started");
  }

  @Test
  void theHolderRenewsAndAnotherInstanceWaitsUntilTheLeaseExpires() {
    LeaderElector a = elector("a");
    LeaderElector b = elector("b");
    a.tryAcquireOrRenew();

    clock.advance(Duration.ofSeconds(2));
    assertThat(a.tryAcquireOrRenew()).isTrue();
    assertThat(lease().getSpec().getRenewTime().toInstant()).isEqualTo(clock.instant());
    assertThat(b.tryAcquireOrRenew()).isFalse();

    clock.advance(Duration.ofSeconds(14));
    assertThat(b.tryAcquireOrRenew()).isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(b.tryAcquireOrRenew()).isTrue();

    assertThat(lease().getSpec().getHolderIdentity()).isEqualTo("b");
    assertThat(lease().getSpec().getLeaseTransitions()).isEqualTo(1);
    assertThat(transitions).containsExactly("a started", "b started");
  }

  @Test
  void aHolderThatCannotRenewStopsLeadingAfterTheRenewDeadline() {
    LeaderElector a = elector("a");
    a.tryAcquireOrRenew();
    client.failWhen(
        call -> call.verb().equals("update"), new StatusException(500, "InternalError", "down"));

    clock.advance(Duration.ofSeconds(9));
    assertThat(a.tryAcquireOrRenew()).isTrue();
    clock.advance(Duration.ofSeconds(1));
    assertThat(a.tryAcquireOrRenew()).isFalse();

    assertThat(transitions).containsExactly("a started", "a stopped");
  }

  @Test
  void releasingClearsTheHolderSoAnotherInstanceTakesOverAtOnce() {
    LeaderElector a = elector("a");
    LeaderElector b = elector("b");
    a.tryAcquireOrRenew();

    a.release();
    clock.advance(Duration.ofSeconds(1));

    assertThat(b.tryAcquireOrRenew()).isTrue();
    assertThat(transitions).containsExactly("a started", "a stopped", "b started");
  }

  @Test
  void steppingDownStopsLeadingButLeavesTheLeaseToExpire() {
    LeaderElector a = elector("a");
    LeaderElector b = elector("b");
    a.tryAcquireOrRenew();
    int calls = client.calls().size();

    a.stepDown();

    assertThat(client.calls()).hasSize(calls);
    assertThat(a.isLeader()).isFalse();
    assertThat(lease().getSpec().getHolderIdentity()).isEqualTo("a");
    clock.advance(Duration.ofSeconds(1));
    assertThat(b.tryAcquireOrRenew()).isFalse();
    clock.advance(Duration.ofSeconds(15));
    assertThat(b.tryAcquireOrRenew()).isTrue();
    assertThat(transitions).containsExactly("a started", "a stopped", "b started");
  }

  @Test
  void theJvmIsNotShuttingDownWhileTestsRun() {
    assertThat(JvmShutdown.inProgress()).isFalse();
  }
}
