package io.pilothouse.registry.apply;

import io.pilothouse.api.StatusException;
import io.pilothouse.api.StatusException.Cause;
import io.pilothouse.api.StatusException.StatusDetails;
import io.pilothouse.api.StatusReasons;
import java.util.ArrayList;
import java.util.List;

/**
 * The 409 of an apply that would change fields other managers own, as kube-apiserver words it:
 * {@code Apply failed with 1 conflict: conflict with "kubectl-edit" using apps/v1: .spec.replicas},
 * one {@code FieldManagerConflict} cause per field, so that kubectl prints its advice on {@code
 * --force-conflicts}.
 */
final class ApplyConflicts {

  /** One field another manager owns with another value. */
  record Conflict(ManagedFieldsEntry owner, List<String> path) {
    String message() {
      String how =
          owner.operation().equals(ManagedFieldsEntry.APPLY) ? "" : " using " + owner.apiVersion();
      return "conflict with \"" + owner.manager() + "\"" + how;
    }
  }

  private ApplyConflicts() {}

  static StatusException of(String group, String kind, String name, List<Conflict> conflicts) {
    List<Cause> causes = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    for (Conflict conflict : conflicts) {
      String field = FieldPaths.describe(conflict.path());
      causes.add(new Cause("FieldManagerConflict", conflict.message(), field));
      lines.add(conflict.message() + ": " + field);
    }
    String message =
        conflicts.size() == 1
            ? "Apply failed with 1 conflict: " + lines.get(0)
            : "Apply failed with " + conflicts.size() + " conflicts: " + String.join("\n", lines);
    return new StatusException(
        409, StatusReasons.CONFLICT, message, new StatusDetails(group, kind, name, causes));
  }
}
