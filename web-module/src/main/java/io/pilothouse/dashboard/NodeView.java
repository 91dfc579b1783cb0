package io.pilothouse.dashboard;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Backs the node detail page: conditions, addresses, capacity, pods; cordon, labels, taints. */
@Named
@ViewScoped
public class NodeView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private NodeQueries nodes;
  @Inject private NodeActions actions;
  @Inject private CurrentUser user;

  private String name;
  private NodeDetail detail;
  private String labelsText;
  private String taintsText;

  public void load() {
    detail = nodes.detail(name).orElse(null);
    if (detail != null) {
      labelsText =
          detail.labels().entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining("\n"));
      taintsText = String.join("\n", detail.row().taints());
    }
  }

  public void cordon() {
    Feedback.run("Cordoned " + name, () -> actions.cordon(name, user.principal()));
    load();
  }

  public void uncordon() {
    Feedback.run("Uncordoned " + name, () -> actions.uncordon(name, user.principal()));
    load();
  }

  public void saveLabels() {
    Feedback.run(
        "Labels of " + name + " saved",
        () -> actions.setLabels(name, parseLabels(labelsText), user.principal()));
    load();
  }

  public void saveTaints() {
    Feedback.run(
        "Taints of " + name + " saved",
        () -> actions.setTaints(name, lines(taintsText), user.principal()));
    load();
  }

  /** {@code key=value} lines (or comma separated) as a map. */
  static Map<String, String> parseLabels(String text) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (String entry : lines(text)) {
      int eq = entry.indexOf('=');
      labels.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? "" : entry.substring(eq + 1));
    }
    return labels;
  }

  private static List<String> lines(String text) {
    return text == null
        ? List.of()
        : Arrays.stream(text.split("[\\n,]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public NodeDetail getDetail() {
    return detail;
  }

  public String getLabelsText() {
    return labelsText;
  }

  public void setLabelsText(String labelsText) {
    this.labelsText = labelsText;
  }

  public String getTaintsText() {
    return taintsText;
  }

  public void setTaintsText(String taintsText) {
    this.taintsText = taintsText;
  }
}
