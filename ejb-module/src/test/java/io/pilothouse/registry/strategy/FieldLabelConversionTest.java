package io.pilothouse.registry.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilothouse.store.FieldSelector;
import io.pilothouse.store.IndexedFields;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Each kind's field labels, as upstream's {@code AddFieldLabelConversionFunc} registrations (or
 * {@code DefaultMetaV1FieldSelectorConversion} for kinds without one) accept and refuse them.
 */
class FieldLabelConversionTest {

  private static final String NAME = FieldSelector.METADATA_NAME;
  private static final String NAMESPACE = FieldSelector.METADATA_NAMESPACE;

  static Stream<Arguments> servedKinds() {
    return Stream.of(
        Arguments.of(
            "",
            "Pod",
            Set.of(
                NAME,
                NAMESPACE,
                "spec.nodeName",
                "spec.restartPolicy",
                "spec.schedulerName",
                "spec.serviceAccountName",
                "spec.hostNetwork",
                "status.phase",
                "status.podIP",
                "status.podIPs",
                "status.nominatedNodeName",
                "spec.host")),
        Arguments.of(
            "",
            "Event",
            Set.of(
                NAME,
                NAMESPACE,
                "involvedObject.kind",
                "involvedObject.namespace",
                "involvedObject.name",
                "involvedObject.uid",
                "involvedObject.apiVersion",
                "involvedObject.resourceVersion",
                "involvedObject.fieldPath",
                "reason",
                "reportingComponent",
                "source",
                "type")),
        Arguments.of("", "Secret", Set.of(NAME, NAMESPACE, "type")),
        Arguments.of("", "Namespace", Set.of(NAME, "status.phase")),
        Arguments.of("", "Node", Set.of(NAME, "spec.unschedulable")),
        Arguments.of("", "Service", Set.of(NAME, NAMESPACE, "spec.clusterIP", "spec.type")),
        Arguments.of("batch", "Job", Set.of(NAME, NAMESPACE, "status.successful")),
        Arguments.of("", "ConfigMap", Set.of(NAME, NAMESPACE)),
        Arguments.of("", "ServiceAccount", Set.of(NAME, NAMESPACE)),
        Arguments.of("", "Endpoints", Set.of(NAME, NAMESPACE)),
        Arguments.of("apps", "Deployment", Set.of(NAME, NAMESPACE)),
        // apps/v1 registers no conversion: upstream refuses status.replicas though its
        // ReplicaSet strategy indexes it (kubernetes/kubernetes#135136)
        Arguments.of("apps", "ReplicaSet", Set.of(NAME, NAMESPACE)),
        Arguments.of("coordination.k8s.io", "Lease", Set.of(NAME, NAMESPACE)),
        Arguments.of("discovery.k8s.io", "EndpointSlice", Set.of(NAME, NAMESPACE)));
  }

  @ParameterizedTest(name = "{0}/{1}")
  @MethodSource("servedKinds")
  void eachKindAcceptsUpstreamsLabels(String group, String kind, Set<String> labels) {
    assertThat(Strategies.forKind(group, kind).fieldLabelConversion().labels())
        .containsExactlyInAnyOrderElementsOf(labels);
  }

  /** The store answers {@code metadata.*} from the key and every other label from the index. */
  @ParameterizedTest(name = "{0}/{1}")
  @MethodSource("servedKinds")
  void everyAcceptedLabelSelectsAnIndexedField(String group, String kind, Set<String> labels) {
    ResourceStrategy strategy = Strategies.forKind(group, kind);
    IndexedFields.Builder index = IndexedFields.builder();
    strategy.indexFields(JsonNodeFactory.instance.objectNode(), index);
    Set<String> answerable = new HashSet<>(index.build().fields().keySet());
    answerable.addAll(Set.of(NAME, NAMESPACE));
    // upstream accepts status.podIPs but its pod field set has no such field: it matches ""
    answerable.add("status.podIPs");
    for (String label : labels) {
      assertThat(strategy.fieldLabelConversion().convert(label))
          .as(label)
          .hasValueSatisfying(field -> assertThat(answerable).contains(field));
    }
  }

  @Test
  void aPodsSpecHostIsItsNodeName() {
    assertThat(Strategies.forKind("", "Pod").fieldLabelConversion().convert("spec.host"))
        .contains("spec.nodeName");
  }

  @ParameterizedTest(name = "{0}/{1} {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''|Pod|foo|field label not supported: foo",
        "''|Pod|metadata.uid|field label not supported: metadata.uid",
        "''|Event|involvedObject|field label not supported: involvedObject",
        "''|Secret|data|field label not supported: data",
        "''|Namespace|metadata.namespace|field label not supported: metadata.namespace",
        "''|Node|metadata.namespace|field label not supported: metadata.namespace",
        "''|Service|spec.ports|field label not supported: spec.ports",
        "batch|Job|status.active|field label \"status.active\" not supported for batchv1.Job",
        "''|ConfigMap|data|"
            + "\"data\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\"",
        "apps|ReplicaSet|status.replicas|\"status.replicas\" is not a known field selector: only"
            + " \"metadata.name\", \"metadata.namespace\"",
        "example.com|Widget|a\"b|"
            + "\"a\\\"b\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\"",
      })
  void refusesOtherLabelsWithUpstreamsMessage(
      String group, String kind, String label, String message) {
    FieldLabelConversion conversion = Strategies.forKind(group, kind).fieldLabelConversion();
    assertThat(conversion.convert(label)).isEmpty();
    assertThat(conversion.refusal(label)).isEqualTo(message);
  }
}
