package io.pilothouse.registry.strategy;

import io.pilothouse.registry.validation.FieldError;
import io.pilothouse.registry.validation.Numbers;
import io.pilothouse.registry.validation.Trees;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Leases ({@code coordination.k8s.io/v1}), which node agents renew every few seconds: upstream's
 * {@code ValidateLeaseSpec} only (a positive duration, non-negative transitions), kept cheap for
 * the hottest write path in the cluster.
 */
public class LeaseStrategy implements ResourceStrategy {

  @Override
  public List<FieldError> validate(ObjectNode lease) {
    JsonNode spec = lease.get("spec");
    List<FieldError> errs = new ArrayList<>();
    Long duration = Trees.number(spec, "leaseDurationSeconds");
    if (duration != null && duration <= 0) {
      errs.add(FieldError.invalid("spec.leaseDurationSeconds", duration, "must be greater than 0"));
    }
    errs.addAll(Numbers.nonNegative(spec, "leaseTransitions", "spec.leaseTransitions"));
    return errs;
  }
}
