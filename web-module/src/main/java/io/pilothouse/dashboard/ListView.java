package io.pilothouse.dashboard;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Backs the generic list pages (Deployments, ReplicaSets, Jobs, Services, Namespaces): a lazy table
 * of the resource named by the view parameters, with the columns kubectl prints, and the actions
 * those lists offer (scale and restart a Deployment, create and delete a namespace, delete any).
 */
@Named
@ViewScoped
public class ListView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private ResourceQueries resources;
  @Inject private ObjectActions objects;
  @Inject private DeploymentActions deployments;
  @Inject private CurrentUser user;

  private String group = "";
  private String resource;
  private final TableFilters filters = new TableFilters();
  private PagedModel<ResourceRow> model;
  private List<String> headers;
  private List<String> allNamespaces;
  private String newNamespace;
  private int replicas = 1;

  /** Builds the table once the view parameters are known. */
  public void init() {
    if (model != null) {
      return;
    }
    ResourceQueries service = resources;
    String g = group;
    String r = resource;
    if (!Feedback.run(null, () -> headers = service.headers(g, r))) {
      return;
    }
    model =
        new PagedModel<>(
            request -> service.rows(g, r, request),
            row -> row.namespace() + "/" + row.name(),
            filters::apply,
            Map.of("name", "name", "namespace", "namespace", "age", "-created"));
  }

  public void delete(ResourceRow row) {
    Feedback.run(
        "Deleted " + singular() + " " + qualified(row),
        () -> objects.delete(group, resource, row.namespace(), row.name(), user.principal()));
  }

  public void createNamespace() {
    String name = newNamespace;
    if (Feedback.run(
        "Created namespace " + name, () -> objects.createNamespace(name, user.principal()))) {
      newNamespace = null;
      allNamespaces = null;
    }
  }

  public void scale(ResourceRow row) {
    int target = replicas;
    Feedback.run(
        "Scaling deployment " + qualified(row) + " to " + target,
        () -> deployments.scale(row.namespace(), row.name(), target, user.principal()));
  }

  public void restart(ResourceRow row) {
    Feedback.run(
        "Restarting deployment " + qualified(row),
        () -> deployments.restart(row.namespace(), row.name(), user.principal()));
  }

  private static String qualified(ResourceRow row) {
    return row.namespace().isEmpty() ? row.name() : row.namespace() + "/" + row.name();
  }

  /** e.g. {@code deployment} for {@code deployments}. */
  public String singular() {
    return resource == null ? "" : resource.substring(0, resource.length() - 1);
  }

  /** e.g. {@code Deployments}. */
  public String getTitle() {
    return resource == null
        ? ""
        : Character.toUpperCase(resource.charAt(0))
            + resource.substring(1).replace("replicasets", "ReplicaSets");
  }

  public boolean isNamespaced() {
    return !"namespaces".equals(resource);
  }

  public List<String> getAllNamespaces() {
    if (allNamespaces == null) {
      allNamespaces = resources.namespaceNames();
    }
    return allNamespaces;
  }

  public String getGroup() {
    return group;
  }

  public void setGroup(String group) {
    this.group = group == null ? "" : group;
  }

  public String getResource() {
    return resource;
  }

  public void setResource(String resource) {
    this.resource = resource;
  }

  public TableFilters getFilters() {
    return filters;
  }

  public PagedModel<ResourceRow> getModel() {
    return model;
  }

  public List<String> getHeaders() {
    return headers;
  }

  public String getNewNamespace() {
    return newNamespace;
  }

  public void setNewNamespace(String newNamespace) {
    this.newNamespace = newNamespace;
  }

  public int getReplicas() {
    return replicas;
  }

  public void setReplicas(int replicas) {
    this.replicas = replicas;
  }
}
