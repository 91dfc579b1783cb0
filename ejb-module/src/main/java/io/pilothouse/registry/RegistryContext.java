package io.pilothouse.registry;

import io.pilothouse.changefeed.ChangeType;
import io.pilothouse.changefeed.StoreChange;
import io.pilothouse.store.ObjectKey;
import io.pilothouse.store.ObjectStore;
import io.pilothouse.store.StoredObject;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * What one registry call works with: the store in the caller's transaction, the catalog of types,
 * the sink of committed-change announcements, the time of the request and the service network
 * cluster IPs and node ports are allocated from.
 */
public record RegistryContext(
    ObjectStore store,
    ResourceTypes types,
    Consumer<StoreChange> changes,
    Instant now,
    ServiceNetwork serviceNetwork,
    Informers informers) {

  /** The store key of an object of this type. */
  static ObjectKey key(ResourceType type, String namespace, String name) {
    return new ObjectKey(type.group(), type.resource(), type.namespaced() ? namespace : "", name);
  }

  /** Whether objects of this type are core/v1 services (which get cluster IPs and node ports). */
  static boolean isService(ResourceType type) {
    return type.group().isEmpty() && type.resource().equals("services");
  }

  /** Announces a write; it is published only if the transaction commits. */
  void announce(StoredObject stored, ChangeType changeType) {
    ObjectKey key = stored.key();
    changes.accept(
        new StoreChange(
            key.group(),
            key.resource(),
            key.namespace(),
            key.name(),
            stored.modRevision(),
            changeType));
  }
}
