package io.pilothouse.registry.strategy;

import io.pilothouse.registry.strategy.pod.PodDefaults;
import io.pilothouse.registry.strategy.pod.PodSpecDefaults;
import io.pilothouse.registry.strategy.pod.PodValidation;
import io.pilothouse.registry.validation.FieldError;
import io.pilothouse.registry.validation.Trees;
import io.pilothouse.store.FieldSelector;
import io.pilothouse.store.IndexedFields;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pods ({@code core/v1}): upstream's defaults plus what the ServiceAccount, Priority and
 * DefaultTolerationSeconds admission plugins add on create (the last also on update); a Pending
 * status with the QoS class; a spec that is immutable but for images, deadlines, tolerations and
 * gates; status writes that keep the spec; and the selectable fields the kubelet and scheduler
 * watch by ({@code spec.nodeName}, {@code status.phase}...).
 */
public class PodStrategy implements ResourceStrategy {

  /**
   * Upstream's conversion for v1 Pods; {@code spec.host} is an old client's {@code spec.nodeName}.
   */
  private static final FieldLabelConversion FIELD_LABELS =
      FieldLabelConversion.of(
              FieldSelector.METADATA_NAME,
              FieldSelector.METADATA_NAMESPACE,
              "spec.nodeName",
              "spec.restartPolicy",
              "spec.schedulerName",
              "spec.serviceAccountName",
              "spec.hostNetwork",
              "status.phase",
              "status.podIP",
              "status.podIPs",
              "status.nominatedNodeName")
          .withAlias("spec.host", "spec.nodeName");

  private static final List<String> ADMITTED =
      List.of("serviceAccountName", "serviceAccount", "priority", "preemptionPolicy");

  @Override
  public void prepareForCreate(ObjectNode pod) {
    ObjectNode spec = Trees.ensureObject(pod, "spec");
    PodSpecDefaults.apply(spec);
    PodDefaults.apply(spec);
    PodDefaults.admit(spec);
    PodDefaults.initialStatus(pod, spec);
  }

  @Override
  public void prepareForUpdate(ObjectNode pod, ObjectNode old) {
    ObjectNode spec = Trees.ensureObject(pod, "spec");
    PodSpecDefaults.apply(spec);
    PodDefaults.apply(spec);
    JsonNode oldSpec = old.get("spec");
    for (String field : ADMITTED) {
      Trees.copyIfAbsent(spec, field, oldSpec == null ? null : oldSpec.get(field));
    }
    PodDefaults.admitUpdate(spec);
    StatusSplit.keepStatus(pod, old);
  }

  @Override
  public void prepareForStatusUpdate(ObjectNode pod, ObjectNode old) {
    StatusSplit.keepAllButStatus(pod, old);
    StatusSplit.keepMetadata(pod, old, "ownerReferences");
  }

  @Override
  public List<FieldError> validate(ObjectNode pod) {
    return PodValidation.validateCreate(pod);
  }

  @Override
  public List<FieldError> validateUpdate(ObjectNode pod, ObjectNode old) {
    return PodValidation.validateUpdate(pod, old);
  }

  @Override
  public void indexFields(ObjectNode pod, IndexedFields.Builder fields) {
    JsonNode spec = pod.path("spec");
    JsonNode status = pod.path("status");
    fields.field("spec.nodeName", Trees.text(spec, "nodeName", ""));
    fields.field("spec.restartPolicy", Trees.text(spec, "restartPolicy", ""));
    fields.field("spec.schedulerName", Trees.text(spec, "schedulerName", ""));
    fields.field("spec.serviceAccountName", Trees.text(spec, "serviceAccountName", ""));
    fields.field("spec.hostNetwork", Boolean.toString(Trees.isTrue(spec, "hostNetwork")));
    fields.field("status.phase", Trees.text(status, "phase", ""));
    List<JsonNode> podIps = Trees.items(status, "podIPs");
    String podIp =
        podIps.isEmpty() ? Trees.text(status, "podIP", "") : Trees.text(podIps.get(0), "ip", "");
    fields.field("status.podIP", podIp);
    fields.field("status.nominatedNodeName", Trees.text(status, "nominatedNodeName", ""));
    // not one of upstream's pod field selectors: lets the pod garbage collector find the unbound
    // pods that are being deleted without decoding every pending pod (empty, so no index row, for
    // every pod that is not being deleted)
    fields.field(
        "metadata.deletionTimestamp", Trees.text(pod.path("metadata"), "deletionTimestamp", ""));
  }

  @Override
  public FieldLabelConversion fieldLabelConversion() {
    return FIELD_LABELS;
  }
}
