package io.pilothouse.dashboard;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Map;

/** Backs the nodes page: a lazy table of nodes with their allocation, cordon and uncordon. */
@Named
@ViewScoped
public class NodesView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private NodeQueries nodes;
  @Inject private NodeActions actions;
  @Inject private CurrentUser user;

  private final TableFilters filters = new TableFilters();
  private PagedModel<NodeRow> model;

  @PostConstruct
  void init() {
    NodeQueries service = nodes;
    model =
        new PagedModel<>(
            service::nodes,
            NodeRow::name,
            filters::apply,
            Map.of("name", "name", "age", "-created"));
  }

  public void cordon(String node) {
    Feedback.run(
        "Cordoned " + node + ": no new pods will be scheduled there",
        () -> actions.cordon(node, user.principal()));
  }

  public void uncordon(String node) {
    Feedback.run(
        "Uncordoned " + node + ": pods may be scheduled there again",
        () -> actions.uncordon(node, user.principal()));
  }

  public PagedModel<NodeRow> getModel() {
    return model;
  }

  public TableFilters getFilters() {
    return filters;
  }
}
