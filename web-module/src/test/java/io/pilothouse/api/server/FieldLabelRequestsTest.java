package io.pilothouse.api.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pilothouse.api.StatusException;
import io.pilothouse.api.StatusReasons;
import io.pilothouse.registry.ResourceTypes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * A list, watch or deletecollection whose field selector names a label the kind does not support is
 * refused with upstream's 400 before the registry or the watch service is asked anything (this
 * handler has neither).
 */
class FieldLabelRequestsTest {

  private final ResourceRequests requests = new ResourceRequests();

  FieldLabelRequestsTest() {
    requests.types = new ResourceTypes();
  }

  private static MultivaluedMap<String, String> query(String... pairs) {
    MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      query.add(pairs[i], pairs[i + 1]);
    }
    return query;
  }

  private static HttpHeaders headers() {
    return (HttpHeaders)
        Proxy.newProxyInstance(
            HttpHeaders.class.getClassLoader(),
            new Class<?>[] {HttpHeaders.class},
            (proxy, method, args) ->
                method.getName().equals("getAcceptableMediaTypes") ? List.of() : null);
  }

  private static RequestInfo pods(String namespace, boolean watchPrefix) {
    return new RequestInfo("", "v1", namespace, "pods", null, null, watchPrefix);
  }

  private static void assertRefused(ThrowingCallable call, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            StatusException.class,
            e -> {
              assertThat(e.code()).isEqualTo(400);
              assertThat(e.reason()).isEqualTo(StatusReasons.BAD_REQUEST);
            })
        .hasMessage(message);
  }

  @Test
  void aListAcrossNamespacesIsRefused() {
    assertRefused(
        () -> requests.get(pods(null, false), query("fieldSelector", "foo=bar"), headers()),
        "field label not supported: foo");
  }

  @Test
  void aListInANamespaceIsRefused() {
    assertRefused(
        () -> requests.get(pods("ns", false), query("fieldSelector", "foo=bar"), headers()),
        "field label not supported: foo");
  }

  @Test
  void aWatchIsRefused() {
    assertRefused(
        () ->
            requests.get(
                pods("ns", false),
                query("watch", "true", "resourceVersion", "5", "fieldSelector", "foo=bar"),
                headers()),
        "field label not supported: foo");
  }

  @Test
  void aWatchThroughTheWatchPrefixIsRefused() {
    assertRefused(
        () -> requests.get(pods(null, true), query("fieldSelector", "foo=bar"), headers()),
        "field label not supported: foo");
  }

  @Test
  void aDeleteCollectionIsRefused() {
    assertRefused(
        () ->
            requests.delete(
                pods("ns", false),
                query("fieldSelector", "foo=bar"),
                headers(),
                new ByteArrayInputStream(new byte[0])),
        "field label not supported: foo");
  }

  @Test
  void theKindDecidesWhichLabelsAndWhichMessage() {
    RequestInfo configMaps = new RequestInfo("", "v1", "ns", "configmaps", null, null, false);
    assertRefused(
        () -> requests.get(configMaps, query("fieldSelector", "spec.nodeName=n1"), headers()),
        "\"spec.nodeName\" is not a known field selector: only \"metadata.name\","
            + " \"metadata.namespace\"");
  }
}
