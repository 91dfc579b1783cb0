package io.pilothouse.dashboard;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * Backs the pod detail page: containers, conditions, events, environment (Secret values masked),
 * YAML, logs with tail, follow and a container switch, and delete / restart.
 */
@Named
@ViewScoped
public class PodView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private PodQueries pods;
  @Inject private ObjectActions actions;
  @Inject private PodLogClient logs;
  @Inject private CurrentUser user;

  private String namespace;
  private String name;
  private PodDetail detail;
  private boolean missing;
  private String container;
  private int tailLines = 200;
  private boolean follow;
  private PodLogClient.LogText log;

  /** Loads the pod named by the view parameters (again after a live change). */
  public void load() {
    detail = pods.detail(namespace, name).orElse(null);
    missing = detail == null;
    if (detail != null
        && (container == null || container.isEmpty())
        && !detail.containers().isEmpty()) {
      container = detail.containers().get(0).name();
    }
  }

  public void readLog() {
    log = logs.read(namespace, name, container, tailLines);
  }

  /** Deletes the pod; a pod owned by a controller is replaced by it (a restart). */
  public String delete() {
    boolean done =
        Feedback.run(
            "Deleted pod " + namespace + "/" + name,
            () -> actions.delete("", "pods", namespace, name, user.principal()));
    if (done) {
      jakarta.faces.context.FacesContext.getCurrentInstance()
          .getExternalContext()
          .getFlash()
          .setKeepMessages(true);
      return "/pods?faces-redirect=true";
    }
    return null;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public PodDetail getDetail() {
    return detail;
  }

  public boolean isMissing() {
    return missing;
  }

  public String getContainer() {
    return container;
  }

  public void setContainer(String container) {
    this.container = container;
  }

  public int getTailLines() {
    return tailLines;
  }

  public void setTailLines(int tailLines) {
    this.tailLines = tailLines;
  }

  public boolean isFollow() {
    return follow;
  }

  public void setFollow(boolean follow) {
    this.follow = follow;
  }

  public PodLogClient.LogText getLog() {
    return log;
  }
}
