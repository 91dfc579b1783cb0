package io.pilothouse.dashboard;

import io.pilothouse.health.CheckResult;
import io.pilothouse.health.HealthChecks;
import io.pilothouse.health.HealthReport;
import io.pilothouse.version.BuildInfo;
import io.pilothouse.version.ServerVersion;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Backs the dashboard's overview page: the control plane's version and readiness. */
@Named
@RequestScoped
public class OverviewView {

  @Inject HealthChecks healthChecks;

  private HealthReport readiness;

  @PostConstruct
  void load() {
    readiness = healthChecks.readiness();
  }

  public String getGitVersion() {
    return ServerVersion.of(BuildInfo.current()).gitVersion();
  }

  public boolean isReady() {
    return readiness.healthy();
  }

  public List<CheckResult> getChecks() {
    return readiness.results();
  }
}
