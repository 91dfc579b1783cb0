package io.pilothouse.node.kubelet;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Renews this node's Lease ({@code kube-node-lease/<node>}, holderIdentity the node name,
 * leaseDurationSeconds 40, owned by the Node) every 10 s: the node's heartbeat. Missing renewals
 * for 40 s make the node lifecycle controller mark the node NotReady and evict its pods.
 */
public final class NodeLeaseRenewer {

  public static final String NAMESPACE = "kube-node-lease";
  public static final int DURATION_SECONDS = 40;
  public static final int RENEW_SECONDS = 10;
  private static final Logger LOG = Logger.getLogger(NodeLeaseRenewer.class.getName());

  private final KubernetesClient client;
  private final String nodeName;
  private final Clock clock;
  private final Supplier<Node> node;
  private Lease lease;
  private boolean failing;

  public NodeLeaseRenewer(
      KubernetesClient client, String nodeName, Clock clock, Supplier<Node> node) {
    this.client = client;
    this.nodeName = nodeName;
    this.clock = clock;
    this.node = node;
  }

  /** Renews (or creates) the Lease once; returns true on success. */
  public synchronized boolean renew() {
    try {
      lease = renewOrCreate();
      if (failing) {
        LOG.info("node " + nodeName + ": lease renewed again");
      }
      failing = false;
      return true;
    } catch (KubernetesClientException e) {
      lease = null;
      if (!failing) {
        LOG.warning(
            "node "
                + nodeName
                + ": lease not renewed: "
                + ApiFailures.describe(e, client.getMasterUrl().toString()));
      }
      failing = true;
      return false;
    }
  }

  private Lease renewOrCreate() {
    ZonedDateTime now = ZonedDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    if (lease == null) {
      lease = client.leases().inNamespace(NAMESPACE).withName(nodeName).get();
      if (lease == null) {
        return client.leases().inNamespace(NAMESPACE).resource(newLease(now)).create();
      }
    }
    Lease renewed =
        new LeaseBuilder(lease)
            .editOrNewSpec()
            .withHolderIdentity(nodeName)
            .withLeaseDurationSeconds(DURATION_SECONDS)
            .withRenewTime(now)
            .endSpec()
            .build();
    try {
      return client.leases().inNamespace(NAMESPACE).resource(renewed).update();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409 || e.getCode() == 404) {
        lease = null;
        return renewOrCreate();
      }
      throw e;
    }
  }

  private Lease newLease(ZonedDateTime now) {
    Node owner = node.get();
    LeaseBuilder b =
        new LeaseBuilder()
            .withNewMetadata()
            .withName(nodeName)
            .withNamespace(NAMESPACE)
            .endMetadata()
            .withNewSpec()
            .withHolderIdentity(nodeName)
            .withLeaseDurationSeconds(DURATION_SECONDS)
            .withAcquireTime(now)
            .withRenewTime(now)
            .endSpec();
    if (owner != null && owner.getMetadata().getUid() != null) {
      b.editMetadata()
          .withOwnerReferences(
              new OwnerReferenceBuilder()
                  .withApiVersion("v1")
                  .withKind("Node")
                  .withName(nodeName)
                  .withUid(owner.getMetadata().getUid())
                  .build())
          .endMetadata();
    }
    return b.build();
  }

  public synchronized Lease lease() {
    return lease;
  }
}
