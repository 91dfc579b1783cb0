package io.pilothouse.registry.apply;

import io.pilothouse.registry.ObjectNodes;
import io.pilothouse.registry.patch.PatchSchema;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps {@code managedFields} true across writes that are not applies (update, patch, scale), as
 * upstream records them as {@code Update} operations: the fields a write changes or adds move to
 * the writing manager's {@code Update} entry, the fields it removes leave every entry, and an entry
 * left owning nothing is dropped. Only objects that already carry managed fields are tracked (they
 * gain them on their first apply); see docs/architecture.md, "Server-side apply".
 */
public final class UpdateOwnership {

  private final ObjectFields fields;

  public UpdateOwnership(String group, String kind) {
    this.fields = new ObjectFields(PatchSchema.forKind(group, kind));
  }

  /**
   * Sets {@code updated}'s managed fields from {@code old}'s and the change between them. A body
   * whose {@code managedFields} is {@code [{}]} clears them, as upstream allows; any other value a
   * client sends is ignored in favour of the server's record.
   */
  public void record(
      ObjectNode old, ObjectNode updated, String manager, String apiVersion, String now) {
    ObjectNode metadata = ObjectNodes.metadata(updated);
    if (ManagedFields.isReset(metadata)) {
      metadata.remove("managedFields");
      return;
    }
    List<ManagedFieldsEntry> entries = ManagedFields.read(old.get("metadata"));
    if (entries.isEmpty()) {
      metadata.remove("managedFields");
      return;
    }
    FieldSet before = fields.of(old);
    FieldSet after = fields.of(updated);
    FieldSet changed =
        after.filter(
            path ->
                !before.contains(path) || !FieldSet.isItem(path) && !sameValue(old, updated, path));
    FieldSet removed = before.minus(after);
    if (changed.isEmpty() && removed.isEmpty()) {
      ManagedFields.write(metadata, entries);
      return;
    }
    List<ManagedFieldsEntry> result = new ArrayList<>();
    boolean found = false;
    for (ManagedFieldsEntry entry : entries) {
      ManagedFieldsEntry kept;
      if (entry.isOf(manager, ManagedFieldsEntry.UPDATE) && entry.subresource().isEmpty()) {
        found = true;
        kept =
            new ManagedFieldsEntry(
                manager,
                ManagedFieldsEntry.UPDATE,
                apiVersion,
                now,
                "",
                entry.fields().union(changed).minus(removed));
      } else {
        kept = entry.withFields(entry.fields().minus(changed).minus(removed));
      }
      if (!kept.fields().isEmpty()) {
        result.add(kept);
      }
    }
    if (!found && !changed.isEmpty()) {
      result.add(
          new ManagedFieldsEntry(manager, ManagedFieldsEntry.UPDATE, apiVersion, now, "", changed));
    }
    ManagedFields.write(metadata, result);
  }

  private static boolean sameValue(JsonNode old, JsonNode updated, List<String> path) {
    JsonNode a = ObjectFields.valueAt(old, path);
    return a != null && a.equals(ObjectFields.valueAt(updated, path));
  }
}
