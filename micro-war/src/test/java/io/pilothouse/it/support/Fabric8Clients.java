package io.pilothouse.it.support;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.URI;

/**
 * fabric8 clients for black-box tests, configured from nothing but the server's root URL: built on
 * {@link Config#empty()} so that neither {@code ~/.kube/config}, a service-account token nor {@code
 * KUBERNETES_*} variables of the machine running the tests leak in.
 */
public final class Fabric8Clients {

  private Fabric8Clients() {}

  /** A client of the control plane at {@code root}, without authentication or retries. */
  public static KubernetesClient connect(URI root) {
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl(root.toString())
            .withNamespace("default")
            .withTrustCerts(true)
            .withDisableHostnameVerification(true)
            .withRequestTimeout(30_000)
            .withConnectionTimeout(5_000)
            .withRequestRetryBackoffLimit(0)
            .withMaxConcurrentRequests(256)
            .withMaxConcurrentRequestsPerHost(256)
            .build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }
}
