package io.pilothouse.dashboard;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Backs the events page: events filtered by type, namespaces and involved object, newest first. */
@Named
@ViewScoped
public class EventsView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private ResourceQueries resources;

  private final TableFilters filters = new TableFilters();
  private String type = "";
  private String object = "";
  private PagedModel<EventRow> model;
  private List<String> allNamespaces;

  @PostConstruct
  void init() {
    ResourceQueries service = resources;
    model =
        new PagedModel<>(
                service::events,
                row -> row.namespace() + "/" + row.name(),
                this::applyFilters,
                Map.of(
                    "age",
                    "-created",
                    "namespace",
                    "namespace",
                    "type",
                    "type",
                    "reason",
                    "reason"))
            .withDefaultSort("-created");
  }

  private TableRequest applyFilters(TableRequest request) {
    List<String> fields = new ArrayList<>();
    if (type != null && !type.isEmpty()) {
      fields.add("type=" + type);
    }
    if (object != null && !object.isBlank()) {
      fields.add("involvedObject.name=" + object.trim());
    }
    return filters.apply(request).withFieldSelector(String.join(",", fields));
  }

  public PagedModel<EventRow> getModel() {
    return model;
  }

  public TableFilters getFilters() {
    return filters;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getObject() {
    return object;
  }

  public void setObject(String object) {
    this.object = object;
  }

  public List<String> getAllNamespaces() {
    if (allNamespaces == null) {
      allNamespaces = resources.namespaceNames();
    }
    return allNamespaces;
  }
}
