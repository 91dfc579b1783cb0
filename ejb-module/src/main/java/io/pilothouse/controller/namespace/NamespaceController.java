package io.pilothouse.controller.namespace;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.pilothouse.changefeed.StoreChange;
import io.pilothouse.controller.Controller;
import io.pilothouse.controller.ControllerContext;
import io.pilothouse.controller.ControllerKey;
import io.pilothouse.controller.ObjectClient;
import io.pilothouse.controller.SyncResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Upstream's namespace controller: a namespace being deleted (Terminating) has all its contents
 * deleted, kind by kind; once nothing is left it removes the {@code kubernetes} finalizer through
 * {@code namespaces/{name}/finalize}, and the store then removes the namespace. While contents
 * remain (pods in their grace period, objects held by finalizers) it looks again shortly.
 */
@ApplicationScoped
public class NamespaceController implements Controller {

  public static final String NAME = "namespace-controller";
  static final String FINALIZER = "kubernetes";
  static final Duration RECHECK = Duration.ofSeconds(2);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> watchedResources() {
    return Set.of("namespaces");
  }

  @Override
  public Collection<ControllerKey> keysFor(StoreChange change, ObjectClient client) {
    return List.of(new ControllerKey(null, change.name()));
  }

  @Override
  public Collection<ControllerKey> allKeys(ObjectClient client) {
    return client.list(Namespace.class, null, null, null).stream()
        .filter(ns -> ns.getMetadata().getDeletionTimestamp() != null)
        .map(ns -> new ControllerKey(null, ns.getMetadata().getName()))
        .toList();
  }

  @Override
  public SyncResult sync(ControllerKey key, ControllerContext context) {
    ObjectClient client = context.client();
    Namespace namespace = client.get(Namespace.class, null, key.name()).orElse(null);
    if (namespace == null || namespace.getMetadata().getDeletionTimestamp() == null) {
      return SyncResult.DONE;
    }
    if (deleteContents(client, key.name()) > 0) {
      return SyncResult.after(RECHECK);
    }
    List<String> finalizers = finalizers(namespace);
    if (finalizers.remove(FINALIZER)) {
      namespace.getSpec().setFinalizers(finalizers);
      client.finalizeNamespace(namespace);
    }
    return SyncResult.DONE;
  }

  /** Deletes what is left in the namespace; returns how many objects remain for now. */
  private static int deleteContents(ObjectClient client, String namespace) {
    int remaining = 0;
    for (Class<? extends HasMetadata> kind : NamespacedKinds.ALL) {
      for (HasMetadata object : client.list(kind, namespace, null, null)) {
        remaining++;
        if (object.getMetadata().getDeletionTimestamp() == null) {
          client.delete(
              kind,
              namespace,
              object.getMetadata().getName(),
              null,
              object.getMetadata().getUid(),
              null);
        }
      }
    }
    return remaining;
  }

  private static List<String> finalizers(Namespace namespace) {
    return namespace.getSpec() == null || namespace.getSpec().getFinalizers() == null
        ? new ArrayList<>()
        : new ArrayList<>(namespace.getSpec().getFinalizers());
  }
}
