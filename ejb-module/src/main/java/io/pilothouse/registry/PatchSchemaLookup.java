package io.pilothouse.registry;

import io.pilothouse.registry.patch.PatchSchema;

/** Patch schemas of the views the registry serves besides the stored kinds. */
final class PatchSchemaLookup {

  private PatchSchemaLookup() {}

  /** The {@code autoscaling/v1 Scale} view: plain maps, nothing to merge by key. */
  static PatchSchema scale() {
    return PatchSchema.forKind("autoscaling", "Scale");
  }
}
