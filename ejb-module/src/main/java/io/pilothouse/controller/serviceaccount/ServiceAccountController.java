package io.pilothouse.controller.serviceaccount;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.pilothouse.api.StatusException;
import io.pilothouse.changefeed.StoreChange;
import io.pilothouse.controller.Controller;
import io.pilothouse.controller.ControllerContext;
import io.pilothouse.controller.ControllerKey;
import io.pilothouse.controller.ObjectClient;
import io.pilothouse.controller.SyncResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Upstream's service account controller: every active namespace has a ServiceAccount named {@code
 * default}, created when the namespace appears and again if someone deletes it. Keys are namespace
 * names; terminating namespaces are left alone.
 */
@ApplicationScoped
public class ServiceAccountController implements Controller {

  public static final String NAME = "serviceaccount-controller";
  static final String DEFAULT = "default";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> watchedResources() {
    return Set.of("namespaces", "serviceaccounts");
  }

  @Override
  public Collection<ControllerKey> keysFor(StoreChange change, ObjectClient client) {
    if (change.resource().equals("namespaces")) {
      return List.of(new ControllerKey(null, change.name()));
    }
    return DEFAULT.equals(change.name())
        ? List.of(new ControllerKey(null, change.namespace()))
        : List.of();
  }

  @Override
  public Collection<ControllerKey> allKeys(ObjectClient client) {
    return client.list(Namespace.class, null, null, null).stream()
        .map(ns -> new ControllerKey(null, ns.getMetadata().getName()))
        .toList();
  }

  @Override
  public SyncResult sync(ControllerKey key, ControllerContext context) {
    ObjectClient client = context.client();
    Namespace namespace = client.get(Namespace.class, null, key.name()).orElse(null);
    if (namespace == null
        || namespace.getMetadata().getDeletionTimestamp() != null
        || client.get(ServiceAccount.class, key.name(), DEFAULT).isPresent()) {
      return SyncResult.DONE;
    }
    try {
      client.create(
          new ServiceAccountBuilder()
              .withNewMetadata()
              .withNamespace(key.name())
              .withName(DEFAULT)
              .endMetadata()
              .build());
    } catch (StatusException e) {
      if (e.code() != 409) {
        throw e;
      }
    }
    return SyncResult.DONE;
  }
}
