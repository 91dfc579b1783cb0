package io.pilothouse.controller.endpointslice;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPortBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.pilothouse.controller.util.OwnerRefs;
import io.pilothouse.controller.util.ServiceBackends.Backend;
import io.pilothouse.controller.util.ServiceBackends.ResolvedPort;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the EndpointSlices a Service should have: endpoints grouped by their resolved port list,
 * at most {@link #MAX_ENDPOINTS} per slice, one empty placeholder slice when no pod backs the
 * Service (as upstream keeps one), labelled and owned as upstream's controller does.
 */
final class SliceBuilder {

  static final String SERVICE_NAME = "kubernetes.io/service-name";
  static final String MANAGED_BY = "endpointslice.kubernetes.io/managed-by";
  static final String CONTROLLER = "endpointslice-controller.k8s.io";
  static final int MAX_ENDPOINTS = 100;

  private SliceBuilder() {}

  static String selector(String service) {
    return SERVICE_NAME + "=" + service + "," + MANAGED_BY + "=" + CONTROLLER;
  }

  static List<EndpointSlice> desired(Service service, List<Backend> backends) {
    Map<List<EndpointPort>, List<Endpoint>> groups = new LinkedHashMap<>();
    for (Backend b : backends) {
      List<EndpointPort> ports =
          b.ports().stream()
              .sorted(
                  Comparator.comparing((ResolvedPort p) -> String.valueOf(p.name()))
                      .thenComparing(ResolvedPort::port))
              .map(SliceBuilder::port)
              .toList();
      groups.computeIfAbsent(ports, p -> new ArrayList<>()).add(endpoint(b));
    }
    List<EndpointSlice> slices = new ArrayList<>();
    groups.forEach(
        (ports, endpoints) -> {
          for (int i = 0; i < endpoints.size(); i += MAX_ENDPOINTS) {
            List<Endpoint> chunk =
                endpoints.subList(i, Math.min(endpoints.size(), i + MAX_ENDPOINTS));
            slices.add(slice(service, ports, new ArrayList<>(chunk)));
          }
        });
    if (slices.isEmpty()) {
      slices.add(slice(service, List.of(), List.of()));
    }
    return slices;
  }

  /** Whether a stored slice already holds what is wanted. */
  static boolean sameContent(EndpointSlice have, EndpointSlice want) {
    return Objects.equals(emptyIfNull(have.getEndpoints()), emptyIfNull(want.getEndpoints()))
        && Objects.equals(emptyIfNull(have.getPorts()), emptyIfNull(want.getPorts()))
        && Objects.equals(have.getMetadata().getLabels(), want.getMetadata().getLabels())
        && Objects.equals(have.getAddressType(), want.getAddressType());
  }

  private static <T> List<T> emptyIfNull(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static EndpointSlice slice(
      Service service, List<EndpointPort> ports, List<Endpoint> endpoints) {
    Map<String, String> labels = new HashMap<>();
    if (service.getMetadata().getLabels() != null) {
      labels.putAll(service.getMetadata().getLabels());
    }
    if ("None".equals(service.getSpec().getClusterIP())) {
      labels.put("service.kubernetes.io/headless", "");
    }
    labels.put(SERVICE_NAME, service.getMetadata().getName());
    labels.put(MANAGED_BY, CONTROLLER);
    return new EndpointSliceBuilder()
        .withNewMetadata()
        .withNamespace(service.getMetadata().getNamespace())
        .withGenerateName(service.getMetadata().getName() + "-")
        .withLabels(labels)
        .withOwnerReferences(OwnerRefs.controllerRef(service))
        .endMetadata()
        .withAddressType("IPv4")
        .withPorts(new ArrayList<>(ports))
        .withEndpoints(endpoints)
        .build();
  }

  private static Endpoint endpoint(Backend b) {
    return new EndpointBuilder()
        .withAddresses(b.ip())
        .withNewConditions()
        .withReady(b.ready() && !b.terminating())
        .withServing(b.ready())
        .withTerminating(b.terminating())
        .endConditions()
        .withNodeName(b.nodeName())
        .withTargetRef(b.targetRef())
        .build();
  }

  private static EndpointPort port(ResolvedPort p) {
    return new EndpointPortBuilder()
        .withName(p.name())
        .withPort(p.port())
        .withProtocol(p.protocol())
        .withAppProtocol(p.appProtocol())
        .build();
  }
}
