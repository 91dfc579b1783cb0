package io.pilothouse.controller.endpoints;

import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointAddressBuilder;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointPortBuilder;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.EndpointSubsetBuilder;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.pilothouse.changefeed.StoreChange;
import io.pilothouse.controller.Controller;
import io.pilothouse.controller.ControllerContext;
import io.pilothouse.controller.ControllerKey;
import io.pilothouse.controller.ObjectClient;
import io.pilothouse.controller.SyncResult;
import io.pilothouse.controller.util.Selectors;
import io.pilothouse.controller.util.ServiceBackends;
import io.pilothouse.controller.util.ServiceBackends.Backend;
import io.pilothouse.controller.util.ServiceBackends.ResolvedPort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Upstream's Endpoints controller: for every Service with a selector, an Endpoints object of the
 * same name whose subsets group the selected pods by their resolved ports, ready pods under {@code
 * addresses} and the others under {@code notReadyAddresses} (terminating pods left out), each with
 * its node and a targetRef to the pod. The Endpoints goes when its Service goes.
 */
@ApplicationScoped
public class EndpointsController implements Controller {

  public static final String NAME = "endpoints-controller";
  static final String HEADLESS = "service.kubernetes.io/headless";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> watchedResources() {
    return Set.of("services", "pods");
  }

  @Override
  public Collection<ControllerKey> keysFor(StoreChange change, ObjectClient client) {
    return ServiceBackends.keysFor(change, client);
  }

  @Override
  public Collection<ControllerKey> allKeys(ObjectClient client) {
    return ServiceBackends.allServices(client);
  }

  @Override
  public SyncResult sync(ControllerKey key, ControllerContext context) {
    ObjectClient client = context.client();
    Service service = client.get(Service.class, key.namespace(), key.name()).orElse(null);
    if (service == null) {
      client.delete(Endpoints.class, key.namespace(), key.name(), null, null, null);
      return SyncResult.DONE;
    }
    if (Selectors.ofService(service.getSpec().getSelector()) == null) {
      return SyncResult.DONE;
    }
    List<EndpointSubset> subsets = subsets(ServiceBackends.of(client, service));
    Map<String, String> labels = labels(service);
    Endpoints existing = client.get(Endpoints.class, key.namespace(), key.name()).orElse(null);
    if (existing == null) {
      client.create(
          new EndpointsBuilder()
              .withNewMetadata()
              .withNamespace(key.namespace())
              .withName(key.name())
              .withLabels(labels)
              .endMetadata()
              .withSubsets(subsets)
              .build());
    } else if (!Objects.equals(nullIfEmpty(existing.getSubsets()), nullIfEmpty(subsets))
        || !Objects.equals(existing.getMetadata().getLabels(), labels)) {
      existing.setSubsets(subsets);
      existing.getMetadata().setLabels(labels);
      client.update(existing);
    }
    return SyncResult.DONE;
  }

  static Map<String, String> labels(Service service) {
    Map<String, String> labels = new HashMap<>();
    if (service.getMetadata().getLabels() != null) {
      labels.putAll(service.getMetadata().getLabels());
    }
    if ("None".equals(service.getSpec().getClusterIP())) {
      labels.put(HEADLESS, "");
    }
    return labels.isEmpty() ? null : labels;
  }

  /** Upstream's {@code RepackSubsets}: one subset per distinct port list. */
  static List<EndpointSubset> subsets(List<Backend> backends) {
    Map<List<EndpointPort>, List<List<EndpointAddress>>> groups = new LinkedHashMap<>();
    for (Backend b : backends) {
      if (b.terminating()) {
        continue;
      }
      List<EndpointPort> ports =
          b.ports().stream()
              .sorted(
                  Comparator.comparing((ResolvedPort p) -> String.valueOf(p.name()))
                      .thenComparing(ResolvedPort::port))
              .map(EndpointsController::port)
              .toList();
      List<List<EndpointAddress>> lists =
          groups.computeIfAbsent(ports, p -> List.of(new ArrayList<>(), new ArrayList<>()));
      EndpointAddress address =
          new EndpointAddressBuilder()
              .withIp(b.ip())
              .withNodeName(b.nodeName())
              .withTargetRef(b.targetRef())
              .build();
      lists.get(b.ready() ? 0 : 1).add(address);
    }
    List<EndpointSubset> subsets = new ArrayList<>();
    groups.forEach(
        (ports, lists) ->
            subsets.add(
                new EndpointSubsetBuilder()
                    .withAddresses(lists.get(0))
                    .withNotReadyAddresses(lists.get(1))
                    .withPorts(new ArrayList<>(ports))
                    .build()));
    return subsets;
  }

  private static EndpointPort port(ResolvedPort p) {
    return new EndpointPortBuilder()
        .withName(p.name())
        .withPort(p.port())
        .withProtocol(p.protocol())
        .withAppProtocol(p.appProtocol())
        .build();
  }

  private static List<EndpointSubset> nullIfEmpty(List<EndpointSubset> subsets) {
    return subsets == null || subsets.isEmpty() ? null : subsets;
  }
}
