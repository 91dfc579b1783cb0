package io.pilothouse.registry.strategy.pod;

import io.pilothouse.registry.validation.FieldError;
import io.pilothouse.registry.validation.GoValues;
import io.pilothouse.registry.validation.Names;
import io.pilothouse.registry.validation.Trees;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Upstream's {@code ValidatePodUpdate}: a pod's spec is immutable but for container images, a
 * shrinking active deadline, added tolerations (tolerationSeconds may change), removed scheduling
 * gates, a grace period set to 1 from a negative value, and, while gated, added node selector
 * labels and node affinity. Anything else answers upstream's {@code pod updates may not change
 * fields other than ...} with a short diff.
 */
public final class PodUpdateValidation {

  static final String UPDATABLE_FIELDS =
      "pod updates may not change fields other than `spec.containers[*].image`,"
          + "`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,"
          + "`spec.tolerations` (only additions to existing tolerations),"
          + "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously"
          + " negative)";

  private PodUpdateValidation() {}

  /** The errors of changing {@code oldSpec} into {@code spec}. */
  public static List<FieldError> validate(JsonNode spec, JsonNode oldSpec) {
    List<FieldError> errs = new ArrayList<>();
    for (String list : List.of("containers", "initContainers")) {
      if (Trees.size(spec, list) != Trees.size(oldSpec, list)) {
        errs.add(
            FieldError.forbidden("spec." + list, "pod updates may not add or remove containers"));
        return errs;
      }
      List<JsonNode> containers = Trees.items(spec, list);
      for (int i = 0; i < containers.size(); i++) {
        if (Trees.text(containers.get(i), "image", "").isEmpty()) {
          errs.add(FieldError.required("spec." + list + "[" + i + "].image"));
        }
      }
    }
    List<FieldError> deadline = validateActiveDeadline(spec, oldSpec);
    errs.addAll(deadline);
    if (!deadline.isEmpty() && !deadline.get(0).message().contains("positive integer to nil")) {
      return errs;
    }
    errs.addAll(validateOnlyAddedTolerations(spec, oldSpec));
    errs.addAll(validateOnlyDeletedGates(spec, oldSpec));
    if (Objects.equals(spec, oldSpec)) {
      return errs;
    }
    ObjectNode munged = munge(spec, oldSpec, errs);
    if (!munged.equals(oldSpec)) {
      errs.add(FieldError.forbidden("spec", UPDATABLE_FIELDS + "\n" + diff(oldSpec, munged)));
    }
    return errs;
  }

  private static List<FieldError> validateActiveDeadline(JsonNode spec, JsonNode oldSpec) {
    Long value = Trees.number(spec, "activeDeadlineSeconds");
    Long old = Trees.number(oldSpec, "activeDeadlineSeconds");
    String path = "spec.activeDeadlineSeconds";
    if (value != null) {
      if (value < 0 || value > Integer.MAX_VALUE) {
        return List.of(
            FieldError.invalid(path, value, Names.inclusiveRangeError(0, Integer.MAX_VALUE)));
      }
      if (old != null && old < value) {
        return List.of(
            FieldError.invalid(path, value, "must be less than or equal to previous value"));
      }
    } else if (old != null) {
      return List.of(
          FieldError.invalid(
              path,
              new GoValues.Rendered("null"),
              "must not update from a positive integer to nil value"));
    }
    return List.of();
  }

  /** {@code validateOnlyAddedTolerations}: every old toleration is kept, bar its seconds. */
  private static List<FieldError> validateOnlyAddedTolerations(JsonNode spec, JsonNode oldSpec) {
    List<JsonNode> tolerations = Trees.items(spec, "tolerations");
    for (JsonNode old : Trees.items(oldSpec, "tolerations")) {
      boolean found =
          tolerations.stream().anyMatch(t -> withoutSeconds(t).equals(withoutSeconds(old)));
      if (!found) {
        return List.of(
            FieldError.forbidden(
                "spec.tolerations",
                "existing toleration can not be modified except its tolerationSeconds"));
      }
    }
    return List.of();
  }

  private static JsonNode withoutSeconds(JsonNode toleration) {
    ObjectNode copy = ((ObjectNode) toleration).deepCopy();
    copy.remove("tolerationSeconds");
    return copy;
  }

  private static List<FieldError> validateOnlyDeletedGates(JsonNode spec, JsonNode oldSpec) {
    Set<String> old = new LinkedHashSet<>();
    Trees.items(oldSpec, "schedulingGates").forEach(g -> old.add(Trees.text(g, "name", "")));
    List<FieldError> errs = new ArrayList<>();
    List<JsonNode> gates = Trees.items(spec, "schedulingGates");
    for (int i = 0; i < gates.size(); i++) {
      String name = Trees.text(gates.get(i), "name", "");
      if (!old.contains(name)) {
        errs.add(
            FieldError.forbidden(
                "spec.schedulingGates[" + i + "].name",
                "only deletion is allowed, but found new scheduling gate '" + name + "'"));
      }
    }
    return errs;
  }

  /** The new spec with every field an update may change reset to its old value. */
  private static ObjectNode munge(JsonNode spec, JsonNode oldSpec, List<FieldError> errs) {
    ObjectNode munged = ((ObjectNode) spec).deepCopy();
    for (String list : List.of("containers", "initContainers")) {
      List<ObjectNode> containers = Trees.objects(munged, list);
      List<JsonNode> oldContainers = Trees.items(oldSpec, list);
      for (int i = 0; i < containers.size(); i++) {
        copyField(containers.get(i), oldContainers.get(i), "image");
      }
    }
    for (String field : List.of("activeDeadlineSeconds", "schedulingGates", "tolerations")) {
      copyField(munged, oldSpec, field);
    }
    Long oldGrace = Trees.number(oldSpec, "terminationGracePeriodSeconds");
    Long grace = Trees.number(munged, "terminationGracePeriodSeconds");
    if (oldGrace != null && oldGrace < 0 && grace != null && grace == 1) {
      copyField(munged, oldSpec, "terminationGracePeriodSeconds");
    }
    if (Trees.size(oldSpec, "schedulingGates") > 0) {
      errs.addAll(validateNodeSelectorAdditions(munged, oldSpec));
      copyField(munged, oldSpec, "nodeSelector");
      mungeNodeAffinity(munged, oldSpec);
    }
    return munged;
  }

  private static List<FieldError> validateNodeSelectorAdditions(JsonNode spec, JsonNode oldSpec) {
    Map<String, String> selector = Trees.stringMap(spec, "nodeSelector");
    for (Map.Entry<String, String> old : Trees.stringMap(oldSpec, "nodeSelector").entrySet()) {
      if (!old.getValue().equals(selector.get(old.getKey()))) {
        return List.of(
            FieldError.invalid(
                "spec.nodeSelector",
                GoValues.map(selector),
                "only additions to spec.nodeSelector are allowed (no mutations or deletions)"));
      }
    }
    return List.of();
  }

  private static void mungeNodeAffinity(ObjectNode munged, JsonNode oldSpec) {
    JsonNode oldNodeAffinity = oldSpec.path("affinity").get("nodeAffinity");
    ObjectNode affinity = Trees.object(munged, "affinity");
    if (affinity == null && oldNodeAffinity != null) {
      munged.putObject("affinity").set("nodeAffinity", oldNodeAffinity.deepCopy());
    } else if (affinity != null) {
      affinity.remove("nodeAffinity");
      if (oldNodeAffinity != null) {
        affinity.set("nodeAffinity", oldNodeAffinity.deepCopy());
      } else if (affinity.isEmpty() && !oldSpec.has("affinity")) {
        munged.remove("affinity");
      }
    }
  }

  private static void copyField(ObjectNode target, JsonNode source, String field) {
    JsonNode value = source == null ? null : source.get(field);
    if (value == null) {
      target.remove(field);
    } else {
      target.set(field, value.deepCopy());
    }
  }

  /** A short line-per-field diff of two specs, standing in for upstream's {@code cmp.Diff}. */
  static String diff(JsonNode old, JsonNode changed) {
    Set<String> fields = new LinkedHashSet<>(old.propertyNames());
    fields.addAll(changed.propertyNames());
    StringBuilder out = new StringBuilder("  core.PodSpec{\n");
    for (String field : fields) {
      JsonNode before = old.get(field);
      JsonNode after = changed.get(field);
      if (!Objects.equals(before, after)) {
        if (before != null) {
          out.append("-   ").append(field).append(": ").append(before).append(",\n");
        }
        if (after != null) {
          out.append("+   ").append(field).append(": ").append(after).append(",\n");
        }
      }
    }
    return out.append("  }\n").toString();
  }
}
