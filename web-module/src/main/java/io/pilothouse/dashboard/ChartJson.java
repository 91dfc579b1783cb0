package io.pilothouse.dashboard;

import io.pilothouse.json.KubernetesJson;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Chart.js configurations for {@code p:chart}: the overview's bar and doughnut charts. */
final class ChartJson {

  private ChartJson() {}

  /** A bar chart of several series over the same labels, values in percent. */
  static String bars(List<String> labels, Map<String, List<Integer>> series, List<String> colours) {
    ObjectNode chart = KubernetesJson.mapper().createObjectNode().put("type", "bar");
    ObjectNode data = chart.putObject("data");
    labels.forEach(data.putArray("labels")::add);
    ArrayNode sets = data.putArray("datasets");
    int i = 0;
    for (Map.Entry<String, List<Integer>> entry : series.entrySet()) {
      ObjectNode set = sets.addObject().put("label", entry.getKey());
      set.put("backgroundColor", colours.get(i++ % colours.size()));
      entry.getValue().forEach(set.putArray("data")::add);
    }
    ObjectNode options = chart.putObject("options").put("maintainAspectRatio", false);
    options
        .putObject("scales")
        .putObject("y")
        .put("beginAtZero", true)
        .put("suggestedMax", 100)
        .putObject("title")
        .put("display", true)
        .put("text", "% of allocatable");
    return chart.toString();
  }

  /** A doughnut chart of counts. */
  static String doughnut(Map<String, Long> counts, List<String> colours) {
    ObjectNode chart = KubernetesJson.mapper().createObjectNode().put("type", "doughnut");
    ObjectNode data = chart.putObject("data");
    counts.keySet().forEach(data.putArray("labels")::add);
    ObjectNode set = data.putArray("datasets").addObject();
    counts.values().forEach(set.putArray("data")::add);
    colours.forEach(set.putArray("backgroundColor")::add);
    chart.putObject("options").put("maintainAspectRatio", false);
    return chart.toString();
  }
}
