package io.pilothouse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilothouse.json.KubernetesJson;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The pod detail's environment masks Secret-sourced values and shows container states. */
class PodDetailTest {

  private static final String POD =
      """
      {"metadata":{"name":"p","namespace":"n","ownerReferences":[{"kind":"ReplicaSet","name":"rs"}]},
       "spec":{"containers":[{"name":"main","image":"busybox",
         "env":[{"name":"PLAIN","value":"hello"},
                {"name":"PASSWORD","valueFrom":{"secretKeyRef":{"name":"db","key":"pw"}}}],
         "envFrom":[{"secretRef":{"name":"all"}}]}]},
       "status":{"phase":"Running","containerStatuses":[{"name":"main","ready":true,"restartCount":2,
         "state":{"waiting":{"reason":"CrashLoopBackOff"}}}]}}
      """;

  @Test
  void secretValuesAreMaskedAndPlainValuesShown() {
    PodDetail detail = PodDetail.of(pod(), List.of(), Instant.now());
    assertThat(detail.env())
        .extracting(PodDetail.EnvVar::name, PodDetail.EnvVar::secret)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("PLAIN", false),
            org.assertj.core.groups.Tuple.tuple("PASSWORD", true),
            org.assertj.core.groups.Tuple.tuple("(all keys of Secret all)", true));
    assertThat(detail.env().get(0).value()).isEqualTo("hello");
    assertThat(detail.env().get(1).value())
        .startsWith(PodDetail.MASK)
        .contains("Secret db, key pw");
  }

  @Test
  void containerStateOwnerAndFailingStatus() {
    PodDetail detail = PodDetail.of(pod(), List.of(), Instant.now());
    assertThat(detail.containers().get(0).state()).isEqualTo("Waiting: CrashLoopBackOff");
    assertThat(detail.containers().get(0).restarts()).isEqualTo(2);
    assertThat(detail.ownerKind()).isEqualTo("ReplicaSet");
    assertThat(detail.row().status()).isEqualTo("CrashLoopBackOff");
    assertThat(detail.row().failing()).isTrue();
    assertThat(detail.yaml()).doesNotStartWith("---").contains("name: p");
  }

  private static ObjectNode pod() {
    return (ObjectNode) KubernetesJson.mapper().readTree(POD);
  }
}
