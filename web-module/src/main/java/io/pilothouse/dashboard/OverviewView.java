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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Backs the overview page: the control plane's version and readiness, nodes ready out of total,
 * pods by phase, requested against allocatable per node (charts), Warning events, failing pods.
 */
@Named
@RequestScoped
public class OverviewView {

  private static final List<String> PHASE_COLOURS =
      List.of("#f59e0b", "#22c55e", "#3b82f6", "#ef4444", "#9ca3af");

  @Inject HealthChecks healthChecks;
  @Inject ClusterSummaries summaries;

  private HealthReport readiness;
  private ClusterSummary summary;

  @PostConstruct
  void load() {
    readiness = healthChecks.readiness();
    summary = summaries.summary();
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

  public ClusterSummary getSummary() {
    return summary;
  }

  public long getPodsTotal() {
    return summary.podsByPhase().values().stream().mapToLong(Long::longValue).sum();
  }

  public String getPhaseChart() {
    return ChartJson.doughnut(summary.podsByPhase(), PHASE_COLOURS);
  }

  public String getAllocationChart() {
    List<NodeRow> nodes = summary.nodes();
    Map<String, List<Integer>> series = new LinkedHashMap<>();
    series.put("CPU requested", nodes.stream().map(n -> n.allocation().cpuPercent()).toList());
    series.put(
        "Memory requested", nodes.stream().map(n -> n.allocation().memoryPercent()).toList());
    return ChartJson.bars(
        nodes.stream().map(NodeRow::name).toList(), series, List.of("#6366f1", "#14b8a6"));
  }
}
