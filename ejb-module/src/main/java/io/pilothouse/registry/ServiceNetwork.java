package io.pilothouse.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service network as the API server is configured with it (upstream's {@code
 * --service-cluster-ip-range} and {@code --service-node-port-range}): MicroProfile Config {@code
 * pilothouse.service.cluster-ip-range} (default {@code 127.96.0.0/12}, which must lie inside
 * 127.0.0.0/8 so that kube-proxy on a node can listen on every cluster IP) and {@code
 * pilothouse.service.node-port-range} (default {@code 30000-32767}).
 */
@ApplicationScoped
public class ServiceNetwork {

  private IpRange clusterIps;
  private int firstNodePort;
  private int lastNodePort;

  ServiceNetwork() {}

  @Inject
  ServiceNetwork(
      @ConfigProperty(name = "pilothouse.service.cluster-ip-range", defaultValue = "127.96.0.0/12")
          String clusterIpRange,
      @ConfigProperty(name = "pilothouse.service.node-port-range", defaultValue = "30000-32767")
          String nodePortRange) {
    this.clusterIps = IpRange.parse(clusterIpRange);
    if (!IpRange.parse("127.0.0.0/8").contains(clusterIps.first())
        || !IpRange.parse("127.0.0.0/8").contains(clusterIps.last())) {
      throw new IllegalArgumentException(
          "pilothouse.service.cluster-ip-range must lie inside 127.0.0.0/8: " + clusterIpRange);
    }
    String[] ports = nodePortRange.trim().split("-", 2);
    this.firstNodePort = Integer.parseInt(ports[0].trim());
    this.lastNodePort = Integer.parseInt(ports[ports.length - 1].trim());
    if (firstNodePort < 1 || lastNodePort > 65535 || firstNodePort > lastNodePort) {
      throw new IllegalArgumentException(
          "pilothouse.service.node-port-range is not a port range: " + nodePortRange);
    }
  }

  /** The range cluster IPs are allocated from. */
  public IpRange clusterIps() {
    return clusterIps;
  }

  public int firstNodePort() {
    return firstNodePort;
  }

  public int lastNodePort() {
    return lastNodePort;
  }

  /** The node port range as upstream prints it, {@code 30000-32767}. */
  public String nodePortRange() {
    return firstNodePort + "-" + lastNodePort;
  }
}
