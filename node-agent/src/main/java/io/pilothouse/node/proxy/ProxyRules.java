package io.pilothouse.node.proxy;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What kube-proxy should serve, computed from Services and EndpointSlices: for every TCP port of
 * every Service with a loopback ClusterIP a listener on ClusterIP:port (and 127.0.0.1:nodePort for
 * NodePort services), each with the ready endpoints of the port's EndpointSlices.
 */
public final class ProxyRules {

  static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";

  /** An address and port to listen on. */
  public record Listen(String ip, int port) {
    @Override
    public String toString() {
      return ip + ":" + port;
    }
  }

  /** The backends of one listener, named after the Service port for the log. */
  public record Target(String service, List<InetSocketAddress> endpoints) {}

  private ProxyRules() {}

  public static Map<Listen, Target> compute(
      Collection<Service> services, Collection<EndpointSlice> slices) {
    Map<Listen, Target> rules = new LinkedHashMap<>();
    for (Service svc : services) {
      if (svc.getSpec() == null
          || "ExternalName".equals(svc.getSpec().getType())
          || svc.getSpec().getPorts() == null) {
        continue;
      }
      List<EndpointSlice> own = slicesOf(svc, slices);
      for (ServicePort port : svc.getSpec().getPorts()) {
        if (port.getProtocol() != null && !"TCP".equals(port.getProtocol())) {
          continue;
        }
        String name =
            svc.getMetadata().getNamespace()
                + "/"
                + svc.getMetadata().getName()
                + ":"
                + (port.getName() == null ? port.getPort() : port.getName());
        Target target = new Target(name, endpoints(own, port));
        for (String ip : clusterIps(svc)) {
          rules.put(new Listen(ip, port.getPort()), target);
        }
        boolean nodePortType =
            "NodePort".equals(svc.getSpec().getType())
                || "LoadBalancer".equals(svc.getSpec().getType());
        if (nodePortType && port.getNodePort() != null && port.getNodePort() > 0) {
          rules.put(new Listen("127.0.0.1", port.getNodePort()), target);
        }
      }
    }
    return rules;
  }

  private static List<String> clusterIps(Service svc) {
    List<String> ips = new ArrayList<>();
    if (svc.getSpec().getClusterIPs() != null) {
      ips.addAll(svc.getSpec().getClusterIPs());
    }
    if (svc.getSpec().getClusterIP() != null && !ips.contains(svc.getSpec().getClusterIP())) {
      ips.add(svc.getSpec().getClusterIP());
    }
    ips.removeIf(ip -> ip == null || "None".equals(ip) || ip.isEmpty() || !ip.startsWith("127."));
    return ips;
  }

  private static List<EndpointSlice> slicesOf(Service svc, Collection<EndpointSlice> slices) {
    List<EndpointSlice> own = new ArrayList<>();
    for (EndpointSlice s : slices) {
      var labels = s.getMetadata().getLabels();
      if (Objects.equals(s.getMetadata().getNamespace(), svc.getMetadata().getNamespace())
          && labels != null
          && svc.getMetadata().getName().equals(labels.get(SERVICE_NAME_LABEL))) {
        own.add(s);
      }
    }
    own.sort((a, b) -> a.getMetadata().getName().compareTo(b.getMetadata().getName()));
    return own;
  }

  private static List<InetSocketAddress> endpoints(List<EndpointSlice> slices, ServicePort port) {
    List<InetSocketAddress> out = new ArrayList<>();
    for (EndpointSlice slice : slices) {
      if (slice.getAddressType() != null && !"IPv4".equals(slice.getAddressType())) {
        continue;
      }
      Integer target = targetPort(slice, port);
      if (target == null || slice.getEndpoints() == null) {
        continue;
      }
      for (Endpoint e : slice.getEndpoints()) {
        boolean ready =
            e.getConditions() == null
                || e.getConditions().getReady() == null
                || e.getConditions().getReady();
        if (ready && e.getAddresses() != null) {
          e.getAddresses().forEach(a -> out.add(InetSocketAddress.createUnresolved(a, target)));
        }
      }
    }
    return out;
  }

  private static Integer targetPort(EndpointSlice slice, ServicePort port) {
    if (slice.getPorts() == null) {
      return null;
    }
    String wanted = port.getName() == null ? "" : port.getName();
    for (EndpointPort p : slice.getPorts()) {
      String name = p.getName() == null ? "" : p.getName();
      if (name.equals(wanted) && (p.getProtocol() == null || "TCP".equals(p.getProtocol()))) {
        return p.getPort();
      }
    }
    return null;
  }
}
