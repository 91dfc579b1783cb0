package io.pilothouse.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Runs the control plane's {@link HealthCheck}s for the {@code /healthz}, {@code /livez} and {@code
 * /readyz} endpoints. Liveness runs only the cheap in-process checks; readiness runs all of them,
 * including the database and the broker.
 */
@ApplicationScoped
public class HealthChecks {

  private final List<HealthCheck> checks = new ArrayList<>();

  HealthChecks() {}

  @Inject
  HealthChecks(@Any Instance<HealthCheck> discovered) {
    discovered.forEach(checks::add);
    checks.sort(Comparator.comparing(HealthCheck::name));
  }

  /** Creates the runner over an explicit list of checks (for tests of one class). */
  public static HealthChecks of(List<HealthCheck> checks) {
    HealthChecks runner = new HealthChecks();
    runner.checks.addAll(checks);
    return runner;
  }

  /** Runs every check: the {@code /readyz} verdict. */
  public HealthReport readiness() {
    return run("readyz", checks);
  }

  /** Runs the liveness checks only: the {@code /livez} and {@code /healthz} verdict. */
  public HealthReport liveness(String endpoint) {
    return run(endpoint, checks.stream().filter(HealthCheck::liveness).toList());
  }

  /** Runs the one readiness check with this name, if there is one. */
  public Optional<HealthReport> readiness(String name) {
    return checks.stream()
        .filter(check -> check.name().equals(name))
        .findFirst()
        .map(check -> run("readyz", List.of(check)));
  }

  private static HealthReport run(String endpoint, List<HealthCheck> selected) {
    List<CheckResult> results = new ArrayList<>();
    for (HealthCheck check : selected) {
      results.add(runOne(check));
    }
    return new HealthReport(endpoint, results);
  }

  private static CheckResult runOne(HealthCheck check) {
    try {
      check.check();
      return CheckResult.passed(check.name());
    } catch (Exception e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return CheckResult.failed(check.name(), message);
    }
  }
}
