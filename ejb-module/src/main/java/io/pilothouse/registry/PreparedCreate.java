package io.pilothouse.registry;

import io.pilothouse.store.IndexedFields;
import io.pilothouse.store.ObjectKey;
import io.pilothouse.store.StoredObject;
import tools.jackson.databind.node.ObjectNode;

/**
 * A create that has passed every check but the store's own (the key still free): the object as it
 * will be stored, encoded, with its key and index values. The request's thread prepares it; its
 * store write runs in a batch of the {@link WriteBatcher}.
 *
 * @param type the object's resource type
 * @param key where it goes in the store
 * @param uid its {@code metadata.uid}
 * @param body its stored JSON
 * @param index the values its selectors are answered from
 * @param object the object as prepared (what a dry run answers)
 */
public record PreparedCreate(
    ResourceType type,
    ObjectKey key,
    String uid,
    String body,
    IndexedFields index,
    ObjectNode object)
    implements BatchedWrite {

  /**
   * The store write, without looking the key up first: a taken key fails at the write and rolls the
   * batch back ({@link ObjectCreator#store}).
   */
  @Override
  public Written write(RegistryContext ctx) {
    StoredObject stored = new ObjectCreator(ctx).store(this, false);
    return new Written(stored, stored.modRevision());
  }
}
