package io.pilothouse.node.kubelet;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The kubelet's API calls over fabric8: ConfigMap and Secret reads, pod status written through the
 * {@code status} subresource (PUT with the resourceVersion, re-read and retried on 409), the final
 * {@code DELETE ?gracePeriodSeconds=0} with a uid precondition, and events.
 */
public final class ApiServerKubeletApi implements KubeletApi {

  private static final Logger LOG = Logger.getLogger(ApiServerKubeletApi.class.getName());
  private static final int CONFLICT_RETRIES = 5;

  private final KubernetesClient client;
  private final EventRecorder events;
  private final String nodeName;

  public ApiServerKubeletApi(KubernetesClient client, EventRecorder events, String nodeName) {
    this.client = client;
    this.events = events;
    this.nodeName = nodeName;
  }

  @Override
  public Optional<ConfigMap> configMap(String namespace, String name) {
    return Optional.ofNullable(client.configMaps().inNamespace(namespace).withName(name).get());
  }

  @Override
  public Optional<Secret> secret(String namespace, String name) {
    return Optional.ofNullable(client.secrets().inNamespace(namespace).withName(name).get());
  }

  @Override
  public Optional<Pod> updatePodStatus(Pod pod, PodStatus status) {
    String ns = pod.getMetadata().getNamespace();
    Pod current = pod;
    for (int attempt = 0; attempt < CONFLICT_RETRIES; attempt++) {
      Pod copy = new PodBuilder(current).withStatus(status).build();
      try {
        return Optional.of(client.pods().inNamespace(ns).resource(copy).updateStatus());
      } catch (KubernetesClientException e) {
        if (e.getCode() == 404) {
          return Optional.empty();
        }
        if (e.getCode() != 409) {
          LOG.warning(
              "status of pod "
                  + ns
                  + "/"
                  + pod.getMetadata().getName()
                  + " not written: "
                  + ApiFailures.describe(e, client.getMasterUrl().toString()));
          return Optional.empty();
        }
        current = client.pods().inNamespace(ns).withName(pod.getMetadata().getName()).get();
        if (current == null || !pod.getMetadata().getUid().equals(current.getMetadata().getUid())) {
          return Optional.empty();
        }
      }
    }
    LOG.warning(
        "status of pod "
            + ns
            + "/"
            + pod.getMetadata().getName()
            + " not written: still conflicting after "
            + CONFLICT_RETRIES
            + " attempts");
    return Optional.empty();
  }

  @Override
  public boolean finishPodDeletion(Pod pod) {
    var m = pod.getMetadata();
    String base = client.getMasterUrl().toString();
    String url =
        (base.endsWith("/") ? base : base + "/")
            + "api/v1/namespaces/"
            + encode(m.getNamespace())
            + "/pods/"
            + encode(m.getName())
            + "?gracePeriodSeconds=0";
    String body =
        "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"gracePeriodSeconds\":0,"
            + "\"preconditions\":{\"uid\":\""
            + m.getUid()
            + "\"}}";
    try {
      HttpRequest request =
          client
              .getHttpClient()
              .newHttpRequestBuilder()
              .uri(url)
              .method("DELETE", "application/json", body)
              .build();
      HttpResponse<String> response =
          client.getHttpClient().sendAsync(request, String.class).get(30, TimeUnit.SECONDS);
      int code = response.code();
      // 404: already gone; 409: the uid precondition failed, so the name now belongs to a new pod
      return code / 100 == 2 || code == 404 || code == 409;
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      LOG.warning(
          "cannot delete pod "
              + m.getNamespace()
              + "/"
              + m.getName()
              + ": "
              + ApiFailures.describe(e, base));
      return false;
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public void event(HasMetadata involved, String type, String reason, String message) {
    if (events != null) {
      events.record(nodeName, involved, type, reason, message);
    }
  }
}
