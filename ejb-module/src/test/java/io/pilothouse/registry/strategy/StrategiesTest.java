package io.pilothouse.registry.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilothouse.registry.validation.NameRule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The per-kind table behind {@link Strategies#forKind}. */
class StrategiesTest {

  @ParameterizedTest(name = "{0}/{1}")
  @CsvSource({
    "'', Pod, PodStrategy, DNS1123_SUBDOMAIN, false",
    "'', Service, ServiceStrategy, DNS1035_LABEL, false",
    "'', Namespace, NamespaceStrategy, DNS1123_LABEL, false",
    "'', Node, NodeStrategy, DNS1123_SUBDOMAIN, false",
    "'', ConfigMap, ConfigMapStrategy, DNS1123_SUBDOMAIN, false",
    "'', Secret, SecretStrategy, DNS1123_SUBDOMAIN, false",
    "'', Event, EventStrategy, DNS1123_SUBDOMAIN, false",
    "'', ServiceAccount, ServiceAccountStrategy, DNS1123_SUBDOMAIN, false",
    "'', Endpoints, EndpointsStrategy, DNS1123_SUBDOMAIN, false",
    "apps, Deployment, DeploymentStrategy, DNS1123_SUBDOMAIN, true",
    "apps, ReplicaSet, ReplicaSetStrategy, DNS1123_SUBDOMAIN, true",
    "batch, Job, JobStrategy, DNS1123_SUBDOMAIN, true",
    "coordination.k8s.io, Lease, LeaseStrategy, DNS1123_SUBDOMAIN, false",
    "discovery.k8s.io, EndpointSlice, EndpointSliceStrategy, DNS1123_SUBDOMAIN, true",
    "example.com, Widget, GenericStrategy, DNS1123_SUBDOMAIN, false",
  })
  void mapsEachServedKind(
      String group, String kind, String strategy, NameRule rule, boolean generation) {
    ResourceStrategy found = Strategies.forKind(group, kind);
    assertThat(found.getClass().getSimpleName()).isEqualTo(strategy);
    assertThat(found.nameRule()).isEqualTo(rule);
    assertThat(found.tracksGeneration()).isEqualTo(generation);
  }
}
