package io.pilothouse.controller.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.pilothouse.controller.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EventSpamFilterTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final EventSpamFilter filter = new EventSpamFilter(clock);

  private static ObjectReference object(String name) {
    return new ObjectReferenceBuilder()
        .withApiVersion("apps/v1")
        .withKind("ReplicaSet")
        .withNamespace("default")
        .withName(name)
        .withUid("uid-" + name)
        .build();
  }

  @Test
  void anObjectGetsTwentyFiveEventsFromOneSourceThenNoneUntilATokenRefills() {
    long allowed =
        IntStream.range(0, 40)
            .filter(i -> filter.allow("replicaset-controller", object("a")))
            .count();
    assertThat(allowed).isEqualTo(EventSpamFilter.BURST);

    clock.advance(Duration.ofSeconds(299));
    assertThat(filter.allow("replicaset-controller", object("a"))).isFalse();
    clock.advance(Duration.ofSeconds(2));
    assertThat(filter.allow("replicaset-controller", object("a"))).isTrue();
    assertThat(filter.allow("replicaset-controller", object("a"))).isFalse();
  }

  @Test
  void otherObjectsAndOtherSourcesHaveTheirOwnBuckets() {
    IntStream.range(0, EventSpamFilter.BURST).forEach(i -> filter.allow("c", object("a")));
    assertThat(filter.allow("c", object("a"))).isFalse();

    assertThat(filter.allow("c", object("b"))).isTrue();
    assertThat(filter.allow("other-component", object("a"))).isTrue();
  }
}
