package io.pilothouse.dashboard;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * Backs the generic detail page of any object (and the shared parts of the specific ones): its
 * YAML, its events and its history of retained revisions with diffs; for Deployments also scale,
 * restart, set image, rollout history and undo.
 */
@Named
@ViewScoped
public class ObjectView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private ResourceQueries resources;
  @Inject private PodQueries pods;
  @Inject private ObjectHistory history;
  @Inject private DeploymentActions deployments;
  @Inject private CurrentUser user;

  private String group = "";
  private String resource;
  private String namespace = "";
  private String name;
  private String kind;
  private String yaml;
  private List<HistoryEntry> revisions;
  private List<EventRow> events;
  private List<RolloutRevision> rollouts;
  private int replicas = 1;
  private String container;
  private String image;

  public void load() {
    yaml = resources.yaml(group, resource, namespace, name);
    revisions = history.revisions(group, resource, namespace, name);
    kind = kindOf(yaml);
    events = kind.isEmpty() ? List.of() : pods.events(namespace, name, kind);
    rollouts = isDeployment() ? deployments.history(namespace, name) : List.of();
  }

  private static String kindOf(String yaml) {
    for (String line : yaml.split("\n")) {
      if (line.startsWith("kind: ")) {
        return line.substring(6).trim();
      }
    }
    return "";
  }

  public boolean isDeployment() {
    return "deployments".equals(resource);
  }

  public void scale() {
    int target = replicas;
    Feedback.run(
        "Scaling " + name + " to " + target,
        () -> deployments.scale(namespace, name, target, user.principal()));
    load();
  }

  public void restart() {
    Feedback.run(
        "Restarting " + name, () -> deployments.restart(namespace, name, user.principal()));
    load();
  }

  public void setImageAction() {
    String c = container;
    String i = image;
    Feedback.run(
        "Set image of " + c + " to " + i,
        () -> deployments.setImage(namespace, name, c, i, user.principal()));
    load();
  }

  public void undo(long revision) {
    Feedback.run(
        "Rolled " + name + " back to revision " + revision,
        () -> deployments.undo(namespace, name, revision, user.principal()));
    load();
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

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace == null ? "" : namespace;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getKind() {
    return kind;
  }

  public String getYaml() {
    return yaml;
  }

  public List<HistoryEntry> getRevisions() {
    return revisions;
  }

  public List<EventRow> getEvents() {
    return events;
  }

  public List<RolloutRevision> getRollouts() {
    return rollouts;
  }

  public int getReplicas() {
    return replicas;
  }

  public void setReplicas(int replicas) {
    this.replicas = replicas;
  }

  public String getContainer() {
    return container;
  }

  public void setContainer(String container) {
    this.container = container;
  }

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }
}
