package io.pilothouse.registry.patch;

import io.pilothouse.json.KubernetesJson;
import jakarta.json.spi.JsonProvider;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The PATCH engine of the API server: applies a JSON Patch, JSON Merge Patch or strategic merge
 * patch body to the current object and returns the patched object, which the registry then
 * defaults, validates and stores like any update. Never changes the current object. Refusals are
 * {@link PatchException}s whose {@link PatchException.Kind} gives the Status (400, 422 or 413).
 * Stateless and thread-safe.
 */
public final class Patcher {

  private Patcher() {}

  /** Resolved on first use, so a missing JSON-P provider fails only the patches that need it. */
  private static final class Engines {
    static final JsonPatches JSON_PATCHES =
        new JsonPatches(KubernetesJson.mapper(), JsonProvider.provider());
  }

  /**
   * Applies {@code patchBody} to a copy of {@code current}.
   *
   * @param type the patch format, from the request's {@code Content-Type}
   * @param current the stored object, as JSON; left unchanged
   * @param patchBody the request body
   * @param schema the merge keys of the object's kind, used by strategic merge patches only; null
   *     stands for {@link PatchSchema#metadataOnly()}
   * @return a new object
   * @throws PatchException when the patch is malformed or cannot be applied to {@code current}
   */
  public static ObjectNode apply(
      PatchType type, ObjectNode current, String patchBody, PatchSchema schema) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(current, "current");
    if (patchBody == null || patchBody.isBlank()) {
      throw PatchException.malformed("the patch body is empty");
    }
    return switch (type) {
      case JSON_PATCH -> Engines.JSON_PATCHES.applyJsonPatch(current, patchBody);
      case MERGE_PATCH -> Engines.JSON_PATCHES.applyMergePatch(current, patchBody);
      case STRATEGIC_MERGE_PATCH ->
          new StrategicMergePatch(schema == null ? PatchSchema.metadataOnly() : schema)
              .apply(current, readStrategicPatch(patchBody));
    };
  }

  private static ObjectNode readStrategicPatch(String body) {
    JsonNode patch;
    try {
      patch = KubernetesJson.mapper().readTree(body);
    } catch (JacksonException e) {
      throw PatchException.malformed(
          "the strategic merge patch is not valid JSON: " + e.getOriginalMessage());
    }
    if (patch == null || !patch.isObject()) {
      throw PatchException.malformed("a strategic merge patch must be a JSON object");
    }
    return (ObjectNode) patch;
  }
}
