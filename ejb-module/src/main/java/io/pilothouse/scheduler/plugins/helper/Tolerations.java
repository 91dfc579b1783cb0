package io.pilothouse.scheduler.plugins.helper;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.List;
import java.util.function.Predicate;

/**
 * Upstream's toleration matching ({@code Toleration.ToleratesTaint}): an empty effect tolerates
 * every effect, an empty key with operator Exists tolerates every key, Equal (the default) compares
 * values.
 */
public final class Tolerations {

  private Tolerations() {}

  public static List<Toleration> of(Pod pod) {
    List<Toleration> tolerations = pod.getSpec() == null ? null : pod.getSpec().getTolerations();
    return tolerations == null ? List.of() : tolerations;
  }

  public static boolean tolerates(Toleration toleration, Taint taint) {
    if (toleration == null) {
      return false;
    }
    if (!isEmpty(toleration.getEffect()) && !toleration.getEffect().equals(taint.getEffect())) {
      return false;
    }
    if (!isEmpty(toleration.getKey()) && !toleration.getKey().equals(taint.getKey())) {
      return false;
    }
    String operator = toleration.getOperator();
    if (isEmpty(operator) || "Equal".equals(operator)) {
      return nullToEmpty(toleration.getValue()).equals(nullToEmpty(taint.getValue()));
    }
    return "Exists".equals(operator);
  }

  public static boolean anyTolerates(List<Toleration> tolerations, Taint taint) {
    for (Toleration toleration : tolerations) {
      if (tolerates(toleration, taint)) {
        return true;
      }
    }
    return false;
  }

  /** The first taint passing the filter that no toleration tolerates, or null. */
  public static Taint findUntoleratedTaint(
      List<Taint> taints, List<Toleration> tolerations, Predicate<Taint> inScope) {
    for (Taint taint : taints) {
      if (inScope.test(taint) && !anyTolerates(tolerations, taint)) {
        return taint;
      }
    }
    return null;
  }

  private static boolean isEmpty(String value) {
    return value == null || value.isEmpty();
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
