package io.pilothouse.registry.strategy.pod;

import io.pilothouse.registry.validation.FieldError;
import io.pilothouse.registry.validation.Immutable;
import io.pilothouse.registry.validation.Names;
import io.pilothouse.registry.validation.Trees;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The validation of a Pod object rather than a pod spec: upstream's {@code ValidatePodCreate},
 * {@code ValidatePodUpdate} and the checks of {@code ValidatePodStatusUpdate} that apply when a
 * status write changes the status (QoS class immutable, nominated node a valid name).
 */
public final class PodValidation {

  private PodValidation() {}

  /** The field errors of a new pod (after defaults and admission). */
  public static List<FieldError> validateCreate(JsonNode pod) {
    JsonNode spec = pod.get("spec");
    List<FieldError> errs = new ArrayList<>(validatePodAndSpec(spec));
    if (Trees.size(spec, "ephemeralContainers") > 0) {
      errs.add(FieldError.forbidden("spec.ephemeralContainers", "cannot be set on create"));
    }
    if (!Trees.text(spec, "nodeName", "").isEmpty() && Trees.size(spec, "schedulingGates") > 0) {
      errs.add(
          FieldError.forbidden(
              "spec.nodeName", "cannot be set until all schedulingGates have been cleared"));
    }
    return errs;
  }

  /** The field errors of an update of the pod or of its status. */
  public static List<FieldError> validateUpdate(JsonNode pod, JsonNode old) {
    JsonNode spec = pod.get("spec");
    List<FieldError> errs = new ArrayList<>(validatePodAndSpec(spec));
    errs.addAll(PodUpdateValidation.validate(spec, old.get("spec")));
    JsonNode status = pod.get("status");
    JsonNode oldStatus = old.get("status");
    if (!java.util.Objects.equals(status, oldStatus)) {
      errs.addAll(Immutable.check(status, oldStatus, "qosClass", "status.qosClass"));
      String nominated = Trees.text(status, "nominatedNodeName", "");
      if (!nominated.isEmpty()
          && !nominated.equals(Trees.text(oldStatus, "nominatedNodeName", ""))) {
        Names.dns1123Subdomain(nominated)
            .forEach(
                msg -> errs.add(FieldError.invalid("status.nominatedNodeName", nominated, msg)));
      }
    }
    return errs;
  }

  /** {@code validatePodMetadataAndSpec} less the metadata, which the registry validates. */
  private static List<FieldError> validatePodAndSpec(JsonNode spec) {
    List<FieldError> errs = new ArrayList<>(PodSpecValidation.validate(spec, "spec"));
    if (spec == null || !spec.isObject()) {
      return errs;
    }
    if (Trees.text(spec, "serviceAccountName", "").isEmpty()) {
      List<JsonNode> volumes = Trees.items(spec, "volumes");
      for (int v = 0; v < volumes.size(); v++) {
        List<JsonNode> sources = Trees.items(volumes.get(v).get("projected"), "sources");
        for (int s = 0; s < sources.size(); s++) {
          if (Trees.present(sources.get(s), "serviceAccountToken")) {
            errs.add(
                FieldError.forbidden(
                    "spec.volumes[" + v + "].projected.sources[" + s + "].serviceAccountToken",
                    "must not be specified when serviceAccountName is not set"));
          }
        }
      }
    }
    errs.addAll(ContainerValidation.validateImagesForPod(spec, "spec"));
    return errs;
  }
}
