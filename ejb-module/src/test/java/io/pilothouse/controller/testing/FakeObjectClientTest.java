package io.pilothouse.controller.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.pilothouse.api.StatusException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The fake behaves as the registry does where controllers can tell. */
class FakeObjectClientTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final FakeObjectClient client = new FakeObjectClient(clock);

  private static Pod pod(String name, String app) {
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace("ns")
        .withName(name)
        .addToLabels("app", app)
        .endMetadata()
        .build();
  }

  @Test
  void createAssignsUidVersionAndGeneratedName() {
    Pod created =
        client.create(
            new PodBuilder()
                .withNewMetadata()
                .withNamespace("ns")
                .withGenerateName("web-")
                .endMetadata()
                .build());
    assertThat(created.getMetadata().getName()).startsWith("web-").hasSize(9);
    assertThat(created.getMetadata().getUid()).isNotBlank();
    assertThat(created.getMetadata().getResourceVersion()).isNotBlank();
    assertThat(created.getMetadata().getCreationTimestamp()).isEqualTo("2026-01-01T00:00:00Z");
    assertThatThrownBy(() -> client.create(pod(created.getMetadata().getName(), "x")))
        .isInstanceOf(StatusException.class)
        .extracting(e -> ((StatusException) e).code())
        .isEqualTo(409);
  }

  @Test
  void staleUpdateIsAConflictAndStatusIsKeptApart() {
    Pod first = client.create(pod("a", "web"));
    Pod changed =
        new PodBuilder(first)
            .editMetadata()
            .addToLabels("x", "y")
            .endMetadata()
            .withNewStatus()
            .withPhase("Running")
            .endStatus()
            .build();
    Pod updated = client.update(changed);
    assertThat(updated.getStatus()).isNull();
    assertThatThrownBy(() -> client.update(first))
        .extracting(e -> ((StatusException) e).code())
        .isEqualTo(409);
    Pod status =
        client.updateStatus(
            new PodBuilder(updated).withNewStatus().withPhase("Running").endStatus().build());
    assertThat(status.getStatus().getPhase()).isEqualTo("Running");
    assertThat(client.list(Pod.class, "ns", null, "status.phase=Running")).hasSize(1);
    assertThat(client.list(Pod.class, "ns", null, "status.phase!=Running")).isEmpty();
  }

  @Test
  void labelSelectorsUseTheStoreParser() {
    client.create(pod("a", "web"));
    client.create(pod("b", "db"));
    assertThat(client.list(Pod.class, null, "app in (web,api)", null)).hasSize(1);
    assertThat(client.list(Pod.class, "ns", "app!=web", null)).hasSize(1);
    assertThat(client.list(Pod.class, "ns", "!app", null)).isEmpty();
    assertThat(client.list(Pod.class, "other", "app", null)).isEmpty();
    assertThat(client.list(Pod.class, "ns", null, "metadata.name=b")).hasSize(1);
  }

  @Test
  void deletionHonoursFinalizersAndPolicies() {
    client.create(pod("a", "web"));
    assertThat(client.delete(Pod.class, "ns", "a", "Foreground", null, null)).isTrue();
    Pod held = client.require(Pod.class, "ns", "a");
    assertThat(held.getMetadata().getDeletionTimestamp()).isNotNull();
    assertThat(held.getMetadata().getFinalizers()).containsExactly("foregroundDeletion");
    held.getMetadata().setFinalizers(null);
    client.update(held);
    assertThat(client.get(Pod.class, "ns", "a")).isEmpty();
    assertThat(client.delete(Pod.class, "ns", "a", null, null, null)).isFalse();
    assertThat(client.calls("delete", Pod.class)).hasSize(2);
  }

  @Test
  void boundPodsTerminateGracefully() {
    Pod created = client.create(pod("a", "web"));
    client.bind("ns", "a", created.getMetadata().getUid(), "n1");
    client.delete(Pod.class, "ns", "a", null, null, null);
    assertThat(client.require(Pod.class, "ns", "a").getMetadata().getDeletionTimestamp())
        .isEqualTo("2026-01-01T00:00:30Z");
    client.delete(Pod.class, "ns", "a", null, null, 0L);
    assertThat(client.get(Pod.class, "ns", "a")).isEmpty();
  }
}
