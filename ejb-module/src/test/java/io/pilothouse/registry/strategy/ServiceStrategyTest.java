package io.pilothouse.registry.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilothouse.registry.validation.NameRule;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

/** Services: defaults, validation rows, and how updates treat allocated values. */
class ServiceStrategyTest {

  static final String SERVICE =
      "{apiVersion: v1, kind: Service, metadata: {name: web}, spec: {selector: {app: web}, ports: [{port: 80}]}}";

  static ObjectNode create(String patch) {
    return Manifests.created(Manifests.merged(Manifests.yaml(SERVICE), patch));
  }

  @Test
  void defaults() {
    ObjectNode service = create("{}");
    assertThat(service.get("spec"))
        .isEqualTo(
            Manifests.yaml(
                "{selector: {app: web}, ports: [{port: 80, protocol: TCP, targetPort: 80}], sessionAffinity: None,"
                    + " type: ClusterIP, internalTrafficPolicy: Cluster, ipFamilyPolicy: SingleStack, ipFamilies:"
                    + " [IPv4]}"));
    assertThat(service.get("status")).isEqualTo(Manifests.yaml("{loadBalancer: {}}"));
    assertThat(new ServiceStrategy().nameRule()).isEqualTo(NameRule.DNS1035_LABEL);
  }

  @Test
  void nodePortsAndLoadBalancersGetExternalPolicies() {
    ObjectNode service =
        create("{spec: {type: LoadBalancer, ports: [{port: 443, targetPort: https}]}}");
    assertThat(service.path("spec").path("externalTrafficPolicy").asString()).isEqualTo("Cluster");
    assertThat(service.path("spec").path("allocateLoadBalancerNodePorts").asBoolean()).isTrue();
    assertThat(service.path("spec").path("ports").get(0).path("targetPort").asString())
        .isEqualTo("https");
  }

  @Test
  void headlessKeepsNoneAndSelectorlessHeadlessRequiresDualStack() {
    ObjectNode service = create("{spec: {clusterIP: None, selector: null, ports: null}}");
    assertThat(service.path("spec").path("clusterIPs")).isEqualTo(Manifests.yamlValue("[None]"));
    assertThat(service.path("spec").path("ipFamilyPolicy").asString())
        .isEqualTo("RequireDualStack");
    assertThat(
            Manifests.createErrors(
                Manifests.merged(
                    Manifests.yaml(SERVICE), "{spec: {clusterIP: None, ports: null}}")))
        .isEmpty();
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        row("valid", "{}"),
        row("ports required", "{spec: {ports: null}}", "spec.ports: Required value"),
        row(
            "external name needs no ports",
            "{spec: {type: ExternalName, externalName: db.example.com, ports: null}}"),
        row(
            "port range",
            "{spec: {ports: [{port: 0}]}}",
            "spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive",
            "spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive"),
        row(
            "names required for several ports",
            "{spec: {ports: [{port: 80}, {port: 443, name: https}]}}",
            "spec.ports[0].name: Required value"),
        row(
            "names unique",
            "{spec: {ports: [{port: 80, name: web}, {port: 81, name: web}]}}",
            "spec.ports[1].name: Duplicate value: \"web\""),
        row(
            "type supported",
            "{spec: {type: Magic}}",
            "spec.type: Unsupported value: \"Magic\": supported values: \"ClusterIP\", \"ExternalName\","
                + " \"LoadBalancer\", \"NodePort\""),
        row(
            "node port not for ClusterIP",
            "{spec: {ports: [{port: 80, nodePort: 30080}]}}",
            "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"),
        row(
            "headless not for NodePort",
            "{spec: {type: NodePort, clusterIP: None}}",
            "spec.clusterIPs[0]: Invalid value: \"None\": may not be set to 'None' for NodePort services"),
        row(
            "cluster IP valid",
            "{spec: {clusterIP: 10.0.0.300}}",
            "spec.clusterIPs[0]: Invalid value: \"10.0.0.300\": must be a valid IP address, (e.g. 10.9.8.7 or"
                + " 2001:db8::ffff)"),
        row(
            "session affinity supported",
            "{spec: {sessionAffinity: Sticky}}",
            "spec.sessionAffinity: Unsupported value: \"Sticky\": supported values: \"ClientIP\", \"None\""));
  }

  static Arguments row(String name, String patch, String... expected) {
    return Arguments.of(name, patch, List.of(expected));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void validatesLikeUpstream(String name, String patch, List<String> expected) {
    ObjectNode service = Manifests.merged(Manifests.yaml(SERVICE), patch);
    assertThat(Manifests.describe(Manifests.createErrors(service)))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  static ObjectNode allocated(String patch) {
    ObjectNode service = create(patch);
    ObjectNode spec = (ObjectNode) service.get("spec");
    spec.put("clusterIP", "10.96.0.10");
    spec.putArray("clusterIPs").add("10.96.0.10");
    return service;
  }

  @Test
  void updatesKeepAllocatedClusterIpsAndNodePorts() {
    ObjectNode old = allocated("{spec: {type: NodePort}}");
    ((ObjectNode) old.path("spec").path("ports").get(0)).put("nodePort", 30080);
    ObjectNode update = Manifests.merged(Manifests.yaml(SERVICE), "{spec: {type: NodePort}}");
    assertThat(Manifests.updateErrors(update, old)).isEmpty();
    assertThat(update.path("spec").path("clusterIP").asString()).isEqualTo("10.96.0.10");
    assertThat(update.path("spec").path("clusterIPs"))
        .isEqualTo(Manifests.yamlValue("[10.96.0.10]"));
    assertThat(update.path("spec").path("ports").get(0).path("nodePort").asInt()).isEqualTo(30080);
  }

  @Test
  void clusterIpMayNotChange() {
    ObjectNode old = allocated("{}");
    ObjectNode update =
        Manifests.merged(old, "{spec: {clusterIP: 10.96.0.11, clusterIPs: [10.96.0.11]}}");
    assertThat(Manifests.describe(Manifests.updateErrors(update, old)))
        .containsExactly(
            "spec.clusterIPs[0]: Invalid value: []string{\"10.96.0.11\"}: may not change once set");
  }

  @Test
  void switchingToExternalNameWipesClusterFields() {
    ObjectNode old = allocated("{}");
    ObjectNode update =
        Manifests.merged(old, "{spec: {type: ExternalName, externalName: db.example.com}}");
    assertThat(Manifests.updateErrors(update, old)).isEmpty();
    assertThat(update.path("spec").has("clusterIP")).isFalse();
    assertThat(update.path("spec").has("ipFamilies")).isFalse();
  }

  @Test
  void statusWritesKeepTheSpec() {
    ObjectNode old = allocated("{spec: {type: LoadBalancer}}");
    ObjectNode write =
        Manifests.merged(
            old, "{spec: {type: ClusterIP}, status: {loadBalancer: {ingress: [{ip: 1.2.3.4}]}}}");
    new ServiceStrategy().prepareForStatusUpdate(write, old);
    assertThat(write.get("spec")).isEqualTo(old.get("spec"));
    assertThat(write.path("status").path("loadBalancer").path("ingress")).hasSize(1);
  }
}
