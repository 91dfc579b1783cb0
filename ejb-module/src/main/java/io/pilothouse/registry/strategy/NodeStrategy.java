package io.pilothouse.registry.strategy;

import io.pilothouse.registry.strategy.pod.ContainerDefaults;
import io.pilothouse.registry.validation.Addresses;
import io.pilothouse.registry.validation.FieldError;
import io.pilothouse.registry.validation.GoValues;
import io.pilothouse.registry.validation.Names;
import io.pilothouse.registry.validation.Numbers;
import io.pilothouse.registry.validation.Quantities;
import io.pilothouse.registry.validation.Trees;
import io.pilothouse.store.FieldSelector;
import io.pilothouse.store.IndexedFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Nodes ({@code core/v1}, cluster-scoped): the node agent registers them with their status, later
 * writes go through {@code /status}; taints must be valid and unique per key and effect, the pod
 * CIDR may be set once, and {@code spec.unschedulable} is selectable for drain tooling.
 */
public class NodeStrategy implements ResourceStrategy {

  /** Upstream's conversion for Nodes, which leaves out {@code metadata.namespace}. */
  private static final FieldLabelConversion FIELD_LABELS =
      FieldLabelConversion.of(FieldSelector.METADATA_NAME, "spec.unschedulable");

  private static final String PODCIDR_IMMUTABLE =
      "node updates may not change podCIDR except from \"\" to valid";

  @Override
  public void prepareForCreate(ObjectNode node) {
    applyDefaults(node);
  }

  @Override
  public void prepareForUpdate(ObjectNode node, ObjectNode old) {
    applyDefaults(node);
    StatusSplit.keepStatus(node, old);
  }

  @Override
  public void prepareForStatusUpdate(ObjectNode node, ObjectNode old) {
    StatusSplit.keepAllButStatus(node, old);
    applyDefaults(node);
  }

  private static void applyDefaults(ObjectNode node) {
    ObjectNode spec = Trees.object(node, "spec");
    if (spec != null) {
      String podCidr = Trees.text(spec, "podCIDR", "");
      if (!podCidr.isEmpty() && Trees.size(spec, "podCIDRs") == 0) {
        spec.putArray("podCIDRs").add(podCidr);
      } else if (podCidr.isEmpty() && Trees.size(spec, "podCIDRs") > 0) {
        spec.put("podCIDR", Trees.strings(spec, "podCIDRs").get(0));
      }
    }
    ObjectNode status = Trees.object(node, "status");
    if (status != null) {
      if (!Trees.present(status, "allocatable") && Trees.present(status, "capacity")) {
        status.set("allocatable", status.get("capacity").deepCopy());
      }
      ContainerDefaults.canonicalizeResourceList(Trees.object(status, "capacity"));
      ContainerDefaults.canonicalizeResourceList(Trees.object(status, "allocatable"));
    }
  }

  @Override
  public List<FieldError> validate(ObjectNode node) {
    List<FieldError> errs = new ArrayList<>(validateTaints(node.path("spec")));
    errs.addAll(validateResources(node.path("status")));
    List<String> cidrs = Trees.strings(node.get("spec"), "podCIDRs");
    for (int i = 0; i < cidrs.size(); i++) {
      errs.addAll(Addresses.validateCIDR(cidrs.get(i), "spec.podCIDRs[" + i + "]"));
    }
    if (cidrs.size() > 2) {
      errs.add(
          FieldError.invalid(
              "spec.podCIDRs",
              GoValues.strings(cidrs),
              "may specify no more than one CIDR for each IP family"));
    }
    return errs;
  }

  @Override
  public List<FieldError> validateUpdate(ObjectNode node, ObjectNode old) {
    List<FieldError> errs = new ArrayList<>(validate(node));
    List<String> oldCidrs = Trees.strings(old.get("spec"), "podCIDRs");
    if (!oldCidrs.isEmpty() && !oldCidrs.equals(Trees.strings(node.get("spec"), "podCIDRs"))) {
      errs.add(FieldError.forbidden("spec.podCIDRs", PODCIDR_IMMUTABLE));
    }
    String oldProvider = Trees.text(old.get("spec"), "providerID", "");
    if (!oldProvider.isEmpty()
        && !oldProvider.equals(Trees.text(node.get("spec"), "providerID", ""))) {
      errs.add(
          FieldError.forbidden(
              "spec.providerID",
              "node updates may not change providerID except from \"\" to valid"));
    }
    return errs;
  }

  /** {@code validateNodeTaints}; upstream roots these paths at {@code metadata.taints}. */
  static List<FieldError> validateTaints(JsonNode spec) {
    List<FieldError> errs = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<JsonNode> taints = Trees.items(spec, "taints");
    for (int i = 0; i < taints.size(); i++) {
      JsonNode taint = taints.get(i);
      String path = "metadata.taints[" + i + "]";
      String key = Trees.text(taint, "key", "");
      String value = Trees.text(taint, "value", "");
      String effect = Trees.text(taint, "effect", "");
      Names.qualifiedName(key)
          .forEach(msg -> errs.add(FieldError.invalid(path + ".key", key, msg)));
      List<String> valueErrors = Names.labelValue(value);
      if (!valueErrors.isEmpty()) {
        errs.add(FieldError.invalid(path + ".value", value, String.join(";", valueErrors)));
      }
      List<String> effects = List.of("NoSchedule", "PreferNoSchedule", "NoExecute");
      if (effect.isEmpty()) {
        errs.add(FieldError.required(path + ".effect"));
      } else if (!effects.contains(effect)) {
        errs.add(FieldError.notSupported(path + ".effect", effect, effects));
      }
      if (!seen.add(effect + "\n" + key)) {
        errs.add(
            FieldError.duplicate(
                path, GoValues.of(taint), "taints must be unique by key and effect pair"));
      }
    }
    return errs;
  }

  private static List<FieldError> validateResources(JsonNode status) {
    List<FieldError> errs = new ArrayList<>();
    for (String list : List.of("capacity", "allocatable")) {
      for (Map.Entry<String, String> entry : Trees.stringMap(status, list).entrySet()) {
        String path = "status." + list + "." + entry.getKey();
        String error = Quantities.error(entry.getValue());
        if (error != null) {
          errs.add(FieldError.invalid(path, entry.getValue(), error));
        } else if (Quantities.decimal(entry.getValue()).signum() < 0) {
          errs.add(FieldError.invalid(path, entry.getValue(), Numbers.NEGATIVE));
        }
      }
    }
    return errs;
  }

  @Override
  public void indexFields(ObjectNode node, IndexedFields.Builder fields) {
    fields.field(
        "spec.unschedulable", Boolean.toString(Trees.isTrue(node.path("spec"), "unschedulable")));
  }

  @Override
  public FieldLabelConversion fieldLabelConversion() {
    return FIELD_LABELS;
  }
}
