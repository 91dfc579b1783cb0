package io.pilothouse.node.kubelet;

import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.net.http.HttpClient;

/**
 * fabric8's JDK HTTP client, held to HTTP/1.1. By default the JDK client offers an {@code h2c}
 * upgrade on plain {@code http://} servers; against Payara the informers' watches then went quiet
 * after their first list (new pods reached the agent only at the next resync), while the same
 * watches over HTTP/1.1 deliver every event at once.
 */
public final class Http11ClientFactory extends JdkHttpClientFactory {

  @Override
  protected void additionalConfig(HttpClient.Builder builder) {
    builder.version(HttpClient.Version.HTTP_1_1);
  }
}
