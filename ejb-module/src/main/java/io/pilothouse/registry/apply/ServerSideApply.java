package io.pilothouse.registry.apply;

import io.pilothouse.registry.ObjectNodes;
import io.pilothouse.registry.patch.PatchSchema;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Server-side apply of one configuration by one field manager ({@code PATCH} with {@code
 * application/apply-patch+yaml}), after upstream's structured-merge-diff: the fields the
 * configuration sets become the manager's {@code Apply} entry in {@code managedFields}; a field
 * another manager owns with a different value is a conflict (409) unless {@code force} takes it
 * over; fields the manager applied before and no longer sets are removed unless someone else owns
 * them. Pure: reads its arguments, returns new objects. See docs/architecture.md, "Server-side
 * apply", for what is simplified.
 */
public final class ServerSideApply {

  private final ObjectFields fields;
  private final ApplyMerge merge;
  private final String group;
  private final String kind;

  public ServerSideApply(String group, String kind) {
    PatchSchema schema = PatchSchema.forKind(group, kind);
    this.fields = new ObjectFields(schema);
    this.merge = new ApplyMerge(schema);
    this.group = group;
    this.kind = kind;
  }

  /** The object to create from a configuration applied to a name that has none. */
  public ObjectNode create(ObjectNode config, String manager, String apiVersion, String now) {
    ObjectNode object = config.deepCopy();
    ManagedFields.write(
        ObjectNodes.metadata(object),
        List.of(
            new ManagedFieldsEntry(
                manager, ManagedFieldsEntry.APPLY, apiVersion, now, "", fields.of(config))));
    return object;
  }

  /**
   * The live object with {@code config} applied.
   *
   * @throws io.pilothouse.api.StatusException 409 {@code Conflict} when the configuration changes
   *     fields other managers own and {@code force} is false
   */
  public ObjectNode apply(
      ObjectNode live,
      ObjectNode config,
      String manager,
      boolean force,
      String apiVersion,
      String now) {
    FieldSet applied = fields.of(config);
    List<ManagedFieldsEntry> entries = ManagedFields.read(live.get("metadata"));
    FieldSet previous = FieldSet.empty();
    List<ApplyConflicts.Conflict> conflicts = new ArrayList<>();
    List<ManagedFieldsEntry> kept = new ArrayList<>();
    for (ManagedFieldsEntry entry : entries) {
      if (entry.isOf(manager, ManagedFieldsEntry.APPLY) && entry.subresource().isEmpty()) {
        previous = entry.fields();
        continue;
      }
      FieldSet clashing =
          entry.subresource().isEmpty()
              ? entry.fields().intersect(applied).filter(path -> differs(live, config, path))
              : FieldSet.empty();
      clashing.paths().forEach(path -> conflicts.add(new ApplyConflicts.Conflict(entry, path)));
      ManagedFieldsEntry remaining =
          force ? entry.withFields(entry.fields().minus(clashing)) : entry;
      if (!remaining.fields().isEmpty()) {
        kept.add(remaining);
      }
    }
    if (!conflicts.isEmpty() && !force) {
      throw ApplyConflicts.of(group, kind, ObjectNodes.name(live), conflicts);
    }
    ObjectNode result = merge.merge(live, config);
    FieldSet others = FieldSet.empty();
    for (ManagedFieldsEntry entry : kept) {
      others = others.union(entry.fields());
    }
    for (List<String> path : previous.minus(applied).paths()) {
      List<String> target = FieldSet.withoutSelf(path);
      if (!applied.hasPathUnder(target) && !others.hasPathUnder(target)) {
        ObjectFields.remove(result, path);
      }
    }
    List<ManagedFieldsEntry> updated = new ArrayList<>();
    updated.add(
        new ManagedFieldsEntry(manager, ManagedFieldsEntry.APPLY, apiVersion, now, "", applied));
    updated.addAll(kept);
    ManagedFields.write(ObjectNodes.metadata(result), updated);
    // an apply that changes nothing but its entry's time is no write at all, as upstream drops it
    return withoutTimes(result).equals(withoutTimes(live)) ? live.deepCopy() : result;
  }

  private static JsonNode withoutTimes(ObjectNode object) {
    ObjectNode copy = object.deepCopy();
    JsonNode entries = copy.path("metadata").path("managedFields");
    for (JsonNode entry : entries) {
      ((ObjectNode) entry).remove("time");
    }
    return copy;
  }

  /** Whether the live value at a leaf differs from the applied one (an item itself never does). */
  private static boolean differs(JsonNode live, JsonNode config, List<String> path) {
    if (FieldSet.isItem(path)) {
      return false;
    }
    JsonNode current = ObjectFields.valueAt(live, path);
    return current != null && !current.equals(ObjectFields.valueAt(config, path));
  }
}
