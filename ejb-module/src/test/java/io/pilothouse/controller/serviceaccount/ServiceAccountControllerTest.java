package io.pilothouse.controller.serviceaccount;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.pilothouse.api.StatusException;
import io.pilothouse.controller.ControllerContext;
import io.pilothouse.controller.ControllerKey;
import io.pilothouse.controller.SyncResult;
import io.pilothouse.controller.testing.FakeEventRecorder;
import io.pilothouse.controller.testing.FakeObjectClient;
import io.pilothouse.controller.testing.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ServiceAccountControllerTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final FakeObjectClient client = new FakeObjectClient(clock);
  private final ControllerContext context =
      new ControllerContext(client, new FakeEventRecorder(), clock);

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("new namespace", List.of(namespace("a", false)), false, 1),
        Arguments.of("account exists", List.of(namespace("a", false), account("a")), false, 1),
        Arguments.of("terminating namespace", List.of(namespace("a", true)), false, 0),
        Arguments.of("namespace gone", List.of(), false, 0),
        Arguments.of("lost a create race", List.of(namespace("a", false)), true, 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void syncEnsuresTheDefaultAccount(
      String name,
      List<io.fabric8.kubernetes.api.model.HasMetadata> seeded,
      boolean race,
      int accountsAfter) {
    seeded.forEach(client::seed);
    if (race) {
      client.failWhen(
          call -> call.verb().equals("create"),
          new StatusException(409, "AlreadyExists", "serviceaccounts \"default\" already exists"));
    }

    SyncResult result = new ServiceAccountController().sync(new ControllerKey(null, "a"), context);

    assertThat(result).isEqualTo(SyncResult.DONE);
    assertThat(client.all(ServiceAccount.class)).hasSize(accountsAfter);
  }

  private static Namespace namespace(String name, boolean terminating) {
    return new NamespaceBuilder()
        .withNewMetadata()
        .withName(name)
        .withDeletionTimestamp(terminating ? "2026-01-01T00:00:00Z" : null)
        .endMetadata()
        .build();
  }

  private static ServiceAccount account(String namespace) {
    return new ServiceAccountBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName("default")
        .endMetadata()
        .build();
  }
}
