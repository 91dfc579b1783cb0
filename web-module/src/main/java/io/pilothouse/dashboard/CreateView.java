package io.pilothouse.dashboard;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * Backs the create page: a YAML editor whose object is created through the registry; validation
 * failures (422) come back as messages at the editor, one per field.
 */
@Named
@ViewScoped
public class CreateView implements Serializable {

  private static final long serialVersionUID = 1L;

  static final String EDITOR = "createForm:yaml";

  @Inject private ObjectActions actions;
  @Inject private CurrentUser user;

  private String yaml =
      "apiVersion: v1\n"
          + "kind: Pod\n"
          + "metadata:\n"
          + "  name: example\n"
          + "  namespace: default\n"
          + "spec:\n"
          + "  containers:\n"
          + "  - name: main\n"
          + "    image: busybox\n"
          + "    command: [\"sleep\", \"3600\"]\n";
  private ObjectActions.Created created;

  public void create() {
    created = null;
    String text = yaml;
    Feedback.run(
        null, EDITOR, () -> created = actions.createFromYaml(text, "default", user.principal()));
    if (created != null) {
      Feedback.info(
          "Created "
              + created.resource()
              + " "
              + (created.namespace().isEmpty() ? "" : created.namespace() + "/")
              + created.name());
    }
  }

  public String getYaml() {
    return yaml;
  }

  public void setYaml(String yaml) {
    this.yaml = yaml;
  }

  public ObjectActions.Created getCreated() {
    return created;
  }
}
