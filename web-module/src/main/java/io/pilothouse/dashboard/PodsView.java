package io.pilothouse.dashboard;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** Backs the pods page: a lazy table over the store's pod pages, filters, and pod deletion. */
@Named
@ViewScoped
public class PodsView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private PodQueries pods;
  @Inject private ResourceQueries resources;
  @Inject private ObjectActions actions;
  @Inject private CurrentUser user;

  private final TableFilters filters = new TableFilters();
  private PagedModel<PodRow> model;
  private List<String> allNamespaces;

  @PostConstruct
  void init() {
    PodQueries service = pods;
    model =
        new PagedModel<>(
            service::pods,
            row -> row.namespace() + "/" + row.name(),
            filters::apply,
            Map.of(
                "name", "name",
                "namespace", "namespace",
                "phase", "status.phase",
                "node", "spec.nodeName",
                "ip", "status.podIP",
                "age", "-created"));
  }

  public void delete(PodRow row) {
    Feedback.run(
        "Deleted pod " + row.namespace() + "/" + row.name(),
        () -> actions.delete("", "pods", row.namespace(), row.name(), user.principal()));
  }

  public PagedModel<PodRow> getModel() {
    return model;
  }

  public TableFilters getFilters() {
    return filters;
  }

  public List<String> getAllNamespaces() {
    if (allNamespaces == null) {
      allNamespaces = resources.namespaceNames();
    }
    return allNamespaces;
  }
}
