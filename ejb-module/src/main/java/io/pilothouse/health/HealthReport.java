package io.pilothouse.health;

import java.util.List;

/**
 * The result of running a set of checks, rendered as kube-apiserver renders {@code /healthz},
 * {@code /livez} and {@code /readyz}: {@code ok} when all pass, otherwise one {@code [+]}/{@code
 * [-]} line per check and a closing {@code <endpoint> check failed}.
 */
public record HealthReport(String endpoint, List<CheckResult> results) {

  /** True when every check passed. */
  public boolean healthy() {
    return results.stream().allMatch(CheckResult::passed);
  }

  /** The body upstream serves: terse when healthy and not verbose, the listing otherwise. */
  public String render(boolean verbose) {
    if (healthy() && !verbose) {
      return "ok";
    }
    StringBuilder body = new StringBuilder();
    for (CheckResult result : results) {
      if (result.passed()) {
        body.append("[+]").append(result.name()).append(" ok\n");
      } else {
        body.append("[-]").append(result.name()).append(" failed: ").append(result.failure());
        body.append('\n');
      }
    }
    body.append(endpoint).append(healthy() ? " check passed" : " check failed");
    return body.toString();
  }
}
