package io.pilothouse.registry.patch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The merge keys each served kind gets, matched by path suffix. */
class PatchSchemaTest {

  static Stream<Arguments> keys() {
    return Stream.of(
        Arguments.of("", "Pod", "spec.containers", "name"),
        Arguments.of("", "Pod", "spec.initContainers", "name"),
        Arguments.of("", "Pod", "spec.ephemeralContainers", "name"),
        Arguments.of("", "Pod", "spec.containers.ports", "containerPort"),
        Arguments.of("", "Pod", "spec.initContainers.env", "name"),
        Arguments.of("", "Pod", "spec.containers.volumeMounts", "mountPath"),
        Arguments.of("", "Pod", "spec.containers.volumeDevices", "devicePath"),
        Arguments.of("", "Pod", "spec.volumes", "name"),
        Arguments.of("", "Pod", "spec.imagePullSecrets", "name"),
        Arguments.of("", "Pod", "spec.hostAliases", "ip"),
        Arguments.of("", "Pod", "spec.topologySpreadConstraints", "topologyKey"),
        Arguments.of("", "Pod", "spec.resourceClaims", "name"),
        Arguments.of("", "Pod", "status.conditions", "type"),
        Arguments.of("", "Pod", "status.podIPs", "ip"),
        Arguments.of("", "Pod", "metadata.ownerReferences", "uid"),
        Arguments.of("apps", "Deployment", "spec.template.spec.containers", "name"),
        Arguments.of("apps", "Deployment", "spec.template.spec.containers.env", "name"),
        Arguments.of("apps", "Deployment", "status.conditions", "type"),
        Arguments.of("apps", "ReplicaSet", "spec.template.spec.volumes", "name"),
        Arguments.of("apps", "ReplicaSet", "spec.template.metadata.ownerReferences", "uid"),
        Arguments.of("batch", "Job", "spec.template.spec.containers.ports", "containerPort"),
        Arguments.of("batch", "Job", "status.conditions", "type"),
        Arguments.of("", "Node", "status.addresses", "type"),
        Arguments.of("", "Node", "status.conditions", "type"),
        Arguments.of("", "Namespace", "status.conditions", "type"),
        Arguments.of("", "Service", "spec.ports", "port"),
        Arguments.of("", "ServiceAccount", "secrets", "name"),
        Arguments.of("", "ServiceAccount", "imagePullSecrets", "name"));
  }

  @ParameterizedTest(name = "{1} {2}")
  @MethodSource("keys")
  void mergesByUpstreamKey(String group, String kind, String path, String key) {
    FieldStrategy strategy = PatchSchema.forKind(group, kind).strategyFor(path);
    assertThat(strategy.merge()).isTrue();
    assertThat(strategy.mergeKey()).isEqualTo(key);
  }

  @Test
  void primitiveMergeListsRetainKeysAndReplace() {
    assertThat(PatchSchema.forKind("", "Secret").strategyFor("metadata.finalizers"))
        .isEqualTo(FieldStrategy.mergePrimitives());
    assertThat(PatchSchema.forKind("", "Node").strategyFor("spec.podCIDRs"))
        .isEqualTo(FieldStrategy.mergePrimitives());
    assertThat(PatchSchema.forKind("apps", "Deployment").strategyFor("spec.strategy").retainKeys())
        .isTrue();
    assertThat(PatchSchema.forKind("", "Pod").strategyFor("spec.volumes").retainKeys()).isTrue();
    assertThat(PatchSchema.forKind("policy", "PodDisruptionBudget").strategyFor("spec.selector"))
        .isEqualTo(FieldStrategy.replaceWhole());
  }

  @Test
  void listsWithoutTagsAndUnknownKindsAreAtomic() {
    assertThat(PatchSchema.forKind("", "Pod").strategyFor("spec.tolerations"))
        .isEqualTo(FieldStrategy.ATOMIC_LIST);
    assertThat(PatchSchema.forKind("", "Endpoints").strategyFor("subsets"))
        .isEqualTo(FieldStrategy.ATOMIC_LIST);
    assertThat(PatchSchema.forKind("discovery.k8s.io", "EndpointSlice").strategyFor("endpoints"))
        .isEqualTo(FieldStrategy.ATOMIC_LIST);
    assertThat(PatchSchema.forKind("", "Service").strategyFor("spec.containers"))
        .isEqualTo(FieldStrategy.ATOMIC_LIST);
    assertThat(PatchSchema.forKind("example.com", "Widget").entries())
        .isEqualTo(PatchSchema.metadataOnly().entries());
    assertThat(PatchSchema.forKind(null, "Pod").strategyFor("spec.containers").mergeKey())
        .isEqualTo("name");
  }

  @Test
  void suffixesMatchWholeFieldNames() {
    PatchSchema schema = PatchSchema.empty().with("spec.ports", FieldStrategy.mergeByKey("port"));
    assertThat(schema.strategyFor("spec.ports").mergeKey()).isEqualTo("port");
    assertThat(schema.strategyFor("podspec.ports")).isEqualTo(FieldStrategy.ATOMIC_LIST);
    assertThat(schema.strategyFor("ports")).isEqualTo(FieldStrategy.ATOMIC_LIST);
  }
}
