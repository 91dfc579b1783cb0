package io.pilothouse.it;

/** Manifests the kubectl tests feed to {@code kubectl create|apply|delete -f -}. */
final class Manifests {

  /** A ConfigMap labelled {@code app=web}. */
  static final String CONFIG =
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: web-config
        labels:
          app: web
      data:
        greeting: hello
      """;

  /** A two-container Deployment of two replicas, labelled {@code app=web}. */
  static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        labels:
          app: web
      spec:
        replicas: 2
        selector:
          matchLabels:
            app: web
        template:
          metadata:
            labels:
              app: web
          spec:
            containers:
            - name: nginx
              image: nginx:1.27
              ports:
              - containerPort: 80
            - name: sidecar
              image: busybox:1.36
              command: ["sleep", "3600"]
      """;

  /** An unscheduled Pod labelled {@code app=web}. */
  static final String POD =
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web-0
        labels:
          app: web
      spec:
        containers:
        - name: nginx
          image: nginx:1.27
      """;

  /** The three above as one multi-document manifest. */
  static final String WEB_APP = CONFIG + "---\n" + DEPLOYMENT + "---\n" + POD;

  /** A merge patch adding the label {@code tier=frontend}. */
  static final String MERGE_LABEL = "{\"metadata\":{\"labels\":{\"tier\":\"frontend\"}}}";

  private Manifests() {}

  /** A ConfigMap {@code name} with {@code data.key} set to {@code value}. */
  static String configMap(String name, String value) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "
        + name
        + "\ndata:\n  key: "
        + value
        + "\n";
  }
}
