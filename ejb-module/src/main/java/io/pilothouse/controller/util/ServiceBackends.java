package io.pilothouse.controller.util;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.pilothouse.changefeed.ChangeType;
import io.pilothouse.changefeed.StoreChange;
import io.pilothouse.controller.ControllerKey;
import io.pilothouse.controller.ObjectClient;
import io.pilothouse.store.LabelSelector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What the Endpoints and EndpointSlice controllers both read from a Service: the pods its selector
 * picks that have an IP, whether each is ready or terminating, the service ports resolved against
 * each pod (a named {@code targetPort} looked up among its containers' ports), and which Services a
 * pod's change concerns.
 */
public final class ServiceBackends {

  /** One service port as served by one pod. */
  public record ResolvedPort(String name, int port, String protocol, String appProtocol) {}

  /** One pod behind a Service. */
  public record Backend(
      Pod pod, String ip, boolean ready, boolean terminating, List<ResolvedPort> ports) {

    public String nodeName() {
      return pod.getSpec() == null ? null : pod.getSpec().getNodeName();
    }

    public ObjectReference targetRef() {
      return new ObjectReferenceBuilder()
          .withKind("Pod")
          .withNamespace(pod.getMetadata().getNamespace())
          .withName(pod.getMetadata().getName())
          .withUid(pod.getMetadata().getUid())
          .build();
    }
  }

  private ServiceBackends() {}

  /** The pods behind a Service with a selector, sorted by IP; empty for one without. */
  public static List<Backend> of(ObjectClient client, Service service) {
    LabelSelector selector = Selectors.ofService(service.getSpec().getSelector());
    if (selector == null) {
      return List.of();
    }
    boolean publishNotReady = Boolean.TRUE.equals(service.getSpec().getPublishNotReadyAddresses());
    List<Backend> backends = new ArrayList<>();
    for (Pod pod :
        client.list(Pod.class, service.getMetadata().getNamespace(), selector.toString(), null)) {
      String ip = pod.getStatus() == null ? null : pod.getStatus().getPodIP();
      if (ip == null || ip.isEmpty() || PodStates.isTerminal(pod)) {
        continue;
      }
      boolean ready = publishNotReady || PodStates.isReady(pod);
      backends.add(new Backend(pod, ip, ready, PodStates.isDeleting(pod), ports(service, pod)));
    }
    backends.sort(
        Comparator.comparing(Backend::ip).thenComparing(b -> b.pod().getMetadata().getName()));
    return backends;
  }

  /** The keys of the Services in the pod's namespace whose selector matches it. */
  /**
   * The Services to sync for a change: the Service itself, or those selecting a changed pod — what
   * the Endpoints and EndpointSlice controllers both watch.
   */
  public static List<ControllerKey> keysFor(StoreChange change, ObjectClient client) {
    if (change.resource().equals("services")) {
      return List.of(new ControllerKey(change.namespace(), change.name()));
    }
    return servicesFor(change, client);
  }

  /** Every Service, for a resync. */
  public static List<ControllerKey> allServices(ObjectClient client) {
    return client.list(Service.class, null, null, null).stream().map(ControllerKey::of).toList();
  }

  private static List<ControllerKey> servicesFor(StoreChange change, ObjectClient client) {
    Map<String, String> labels = null;
    if (change.type() != ChangeType.DELETED) {
      Pod pod = client.get(Pod.class, change.namespace(), change.name()).orElse(null);
      if (pod == null) {
        return List.of();
      }
      labels = pod.getMetadata().getLabels();
    }
    List<ControllerKey> keys = new ArrayList<>();
    for (Service service : client.list(Service.class, change.namespace(), null, null)) {
      LabelSelector selector = Selectors.ofService(service.getSpec().getSelector());
      if (selector != null && (labels == null || selector.matches(labels))) {
        keys.add(new ControllerKey(change.namespace(), service.getMetadata().getName()));
      }
    }
    return keys;
  }

  private static List<ResolvedPort> ports(Service service, Pod pod) {
    List<ResolvedPort> resolved = new ArrayList<>();
    List<ServicePort> ports = service.getSpec().getPorts();
    if (ports == null) {
      return resolved;
    }
    for (ServicePort port : ports) {
      Integer number = resolve(port, pod);
      if (number != null) {
        resolved.add(
            new ResolvedPort(
                port.getName(),
                number,
                port.getProtocol() == null ? "TCP" : port.getProtocol(),
                port.getAppProtocol()));
      }
    }
    return resolved;
  }

  /** Upstream's {@code FindPort}: a number as is, a name looked up among the container ports. */
  static Integer resolve(ServicePort port, Pod pod) {
    IntOrString target = port.getTargetPort();
    if (target == null) {
      return port.getPort();
    }
    if (target.getIntVal() != null) {
      return target.getIntVal();
    }
    String name = target.getStrVal();
    if (name.chars().allMatch(Character::isDigit) && !name.isEmpty()) {
      return Integer.parseInt(name);
    }
    String protocol = port.getProtocol() == null ? "TCP" : port.getProtocol();
    if (pod.getSpec() == null || pod.getSpec().getContainers() == null) {
      return null;
    }
    for (Container container : pod.getSpec().getContainers()) {
      if (container.getPorts() == null) {
        continue;
      }
      for (ContainerPort cp : container.getPorts()) {
        String cpProtocol = cp.getProtocol() == null ? "TCP" : cp.getProtocol();
        if (name.equals(cp.getName()) && protocol.equals(cpProtocol)) {
          return cp.getContainerPort();
        }
      }
    }
    return null;
  }
}
