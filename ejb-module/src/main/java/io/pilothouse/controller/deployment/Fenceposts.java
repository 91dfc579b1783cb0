package io.pilothouse.controller.deployment;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment;

/**
 * maxSurge and maxUnavailable as numbers of pods, as upstream's {@code ResolveFenceposts}: a
 * percentage of the wanted replicas, surge rounded up and unavailable rounded down, and never both
 * zero (unavailable becomes 1).
 */
record Fenceposts(int maxSurge, int maxUnavailable) {

  static Fenceposts of(Deployment d) {
    int replicas = Rollouts.replicas(d);
    if (!"RollingUpdate".equals(Rollouts.strategyType(d))) {
      return new Fenceposts(0, 0);
    }
    RollingUpdateDeployment rolling = d.getSpec().getStrategy().getRollingUpdate();
    IntOrString surge = rolling == null ? null : rolling.getMaxSurge();
    IntOrString unavailable = rolling == null ? null : rolling.getMaxUnavailable();
    int s = resolve(surge == null ? new IntOrString("25%") : surge, replicas, true);
    int u = resolve(unavailable == null ? new IntOrString("25%") : unavailable, replicas, false);
    if (s == 0 && u == 0) {
      u = 1;
    }
    return new Fenceposts(s, u);
  }

  /** Upstream's {@code GetScaledValueFromIntOrPercent}. */
  static int resolve(IntOrString value, int total, boolean roundUp) {
    if (value.getIntVal() != null) {
      return value.getIntVal();
    }
    String s = value.getStrVal();
    if (s != null && s.endsWith("%")) {
      int percent = Integer.parseInt(s.substring(0, s.length() - 1));
      long scaled = (long) percent * total;
      return (int) (roundUp ? (scaled + 99) / 100 : scaled / 100);
    }
    return s == null ? 0 : Integer.parseInt(s);
  }
}
