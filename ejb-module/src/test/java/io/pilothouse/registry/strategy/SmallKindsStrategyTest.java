package io.pilothouse.registry.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilothouse.store.IndexedFields;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

/** Events, Endpoints, EndpointSlices, Leases and ServiceAccounts. */
class SmallKindsStrategyTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        row(
            "event for a pod in the namespace",
            "{apiVersion: v1, kind: Event, metadata: {name: e1}, involvedObject: {kind: Pod, name: web, namespace:"
                + " default}, reason: Started, type: Normal}"),
        row(
            "event without timestamps",
            "{apiVersion: v1, kind: Event, metadata: {name: e2}, involvedObject: {kind: Node, name: n1}}"),
        row(
            "event for another namespace",
            "{apiVersion: v1, kind: Event, metadata: {name: e3}, involvedObject: {kind: Pod, name: web, namespace:"
                + " other}}",
            "involvedObject.namespace: Invalid value: \"other\": does not match event.namespace"),
        row(
            "new-style event needs its reporter",
            "{apiVersion: v1, kind: Event, metadata: {name: e4}, eventTime: '2024-01-01T00:00:00.000000Z',"
                + " involvedObject: {kind: Pod, name: web, namespace: default}}",
            "reportingComponent: Required value",
            "reportingComponent: Invalid value: \"\": name part must be non-empty",
            "reportingComponent: Invalid value: \"\": name part must consist of alphanumeric characters, '-', '_' or"
                + " '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or"
                + " '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
            "reportingInstance: Required value",
            "action: Required value",
            "reason: Required value"),
        row(
            "endpoints",
            "{apiVersion: v1, kind: Endpoints, metadata: {name: web}, subsets: [{addresses: [{ip: 127.0.0.5}],"
                + " ports: [{port: 80}]}]}"),
        row(
            "endpoints subsets need addresses and named ports",
            "{apiVersion: v1, kind: Endpoints, metadata: {name: web}, subsets: [{ports: [{port: 80}, {port: 81}]}]}",
            "subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`",
            "subsets[0].ports[0].name: Required value",
            "subsets[0].ports[1].name: Required value"),
        row(
            "endpoint slice",
            "{apiVersion: discovery.k8s.io/v1, kind: EndpointSlice, metadata: {name: web-abc}, addressType: IPv4,"
                + " endpoints: [{addresses: [127.0.0.5]}], ports: [{port: 80}]}"),
        row(
            "endpoint slice address type",
            "{apiVersion: discovery.k8s.io/v1, kind: EndpointSlice, metadata: {name: web-abc}, addressType: IPX,"
                + " endpoints: [{addresses: []}]}",
            "addressType: Unsupported value: \"IPX\": supported values: \"FQDN\", \"IPv4\", \"IPv6\"",
            "endpoints[0].addresses: Required value: must contain at least 1 address"),
        row(
            "endpoint slice addresses of the type",
            "{apiVersion: discovery.k8s.io/v1, kind: EndpointSlice, metadata: {name: web-abc}, addressType: IPv4,"
                + " endpoints: [{addresses: ['::1', 0.0.0.0]}]}",
            "endpoints[0].addresses[0]: Invalid value: \"::1\": must be a valid IPv4 address",
            "endpoints[0].addresses[1]: Invalid value: \"0.0.0.0\": may not be unspecified (0.0.0.0)"),
        row(
            "lease",
            "{apiVersion: coordination.k8s.io/v1, kind: Lease, metadata: {name: node-1}, spec: {holderIdentity:"
                + " node-1, leaseDurationSeconds: 40}}"),
        row(
            "lease duration positive",
            "{apiVersion: coordination.k8s.io/v1, kind: Lease, metadata: {name: node-1}, spec:"
                + " {leaseDurationSeconds: 0, leaseTransitions: -1}}",
            "spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0",
            "spec.leaseTransitions: Invalid value: -1: must be greater than or equal to 0"),
        row(
            "service account",
            "{apiVersion: v1, kind: ServiceAccount, metadata: {name: builder}}"));
  }

  static Arguments row(String name, String yaml, String... expected) {
    return Arguments.of(name, yaml, List.of(expected));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void validatesLikeUpstream(String name, String yaml, List<String> expected) {
    assertThat(Manifests.describe(Manifests.createErrors(Manifests.yaml(yaml))))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void eventsAreSelectableByInvolvedObjectAndSource() {
    ObjectNode event =
        Manifests.yaml(
            "{apiVersion: v1, kind: Event, metadata: {name: e1, namespace: default}, involvedObject: {kind: Pod,"
                + " name: web, namespace: default, uid: u1, apiVersion: v1, resourceVersion: '5', fieldPath:"
                + " 'spec.containers{app}'}, reason: Pulled, type: Normal, reportingComponent: kubelet}");
    IndexedFields.Builder fields = IndexedFields.builder();
    new EventStrategy().indexFields(event, fields);
    assertThat(fields.build().fields())
        .containsEntry("involvedObject.kind", "Pod")
        .containsEntry("involvedObject.name", "web")
        .containsEntry("involvedObject.namespace", "default")
        .containsEntry("involvedObject.uid", "u1")
        .containsEntry("involvedObject.apiVersion", "v1")
        .containsEntry("involvedObject.resourceVersion", "5")
        .containsEntry("involvedObject.fieldPath", "spec.containers{app}")
        .containsEntry("reason", "Pulled")
        .containsEntry("reportingComponent", "kubelet")
        .containsEntry("source", "kubelet")
        .containsEntry("type", "Normal");
  }

  @Test
  void endpointPortsDefaultAndSliceAddressTypeIsImmutable() {
    ObjectNode endpoints =
        Manifests.created(
            Manifests.yaml(
                "{apiVersion: v1, kind: Endpoints, metadata: {name: web}, subsets: [{addresses: [{ip:"
                    + " 10.0.0.1}], ports: [{port: 80}]}]}"));
    assertThat(endpoints.path("subsets").get(0).path("ports").get(0).path("protocol").asString())
        .isEqualTo("TCP");
    ObjectNode old =
        Manifests.created(
            Manifests.yaml(
                "{apiVersion: discovery.k8s.io/v1, kind: EndpointSlice, metadata: {name: s}, addressType:"
                    + " IPv4, ports: [{port: 80}]}"));
    assertThat(old.path("ports").get(0))
        .isEqualTo(Manifests.yaml("{port: 80, name: '', protocol: TCP}"));
    ObjectNode update = Manifests.merged(old, "{addressType: FQDN}");
    assertThat(Manifests.describe(Manifests.updateErrors(update, old)))
        .containsExactly("addressType: Invalid value: \"FQDN\": field is immutable");
  }
}
