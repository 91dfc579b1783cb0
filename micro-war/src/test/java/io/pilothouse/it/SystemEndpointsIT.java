package io.pilothouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilothouse.it.support.SharedControlPlane;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The API server's system endpoints, over HTTP against the WAR running on Payara Micro. */
@ExtendWith(SharedControlPlane.class)
class SystemEndpointsIT {

  private final ControlPlane api;

  SystemEndpointsIT(ControlPlane api) {
    this.api = api;
  }

  private HttpResponse<String> get(String path) throws Exception {
    return api.get(path);
  }

  @Test
  void readyzAnswersOkWhenDatabaseAndBrokerAreUp() throws Exception {
    HttpResponse<String> response = get("/readyz");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("ok");
  }

  @Test
  void readyzVerboseNamesEachCheck() throws Exception {
    HttpResponse<String> response = get("/readyz?verbose");
    assertThat(response.body())
        .contains("[+]ping ok", "[+]database ok", "[+]broker ok", "readyz check passed");
  }

  @Test
  void versionIsAKubernetesVersionInfo() throws Exception {
    HttpResponse<String> response = get("/version");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"major\":\"1\"", "\"gitVersion\":\"v1.32.0-pilothouse.");
  }

  @Test
  void metricsShowTheWatchCacheTakingThisInstancesWritesFromMemory() throws Exception {
    HttpResponse<String> response = get("/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    assertThat(response.body()).contains("# TYPE pilothouse_watch_cache_events_total counter");
    long before = watchCacheEvents("memory");
    String prefix = "metrics-" + UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < 20; i++) {
      HttpResponse<String> created =
          api.send(
              "POST",
              "/api/v1/namespaces/default/configmaps",
              "application/json",
              "{\"metadata\":{\"name\":\"" + prefix + "-" + i + "\"},\"data\":{\"k\":\"v\"}}");
      assertThat(created.statusCode()).isEqualTo(201);
    }
    assertThat(Poll.until(Duration.ofSeconds(10), () -> watchCacheEvents("memory") >= before + 20))
        .as("20 writes handed to the watch cache in memory")
        .isTrue();
  }

  private long watchCacheEvents(String source) {
    try {
      Matcher m =
          Pattern.compile(
                  "pilothouse_watch_cache_events_total\\{[^}]*source=\""
                      + source
                      + "\"[^}]*\\} ([0-9.]+)")
              .matcher(get("/metrics").body());
      assertThat(m.find()).as("metric with source " + source).isTrue();
      return (long) Double.parseDouble(m.group(1));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void unknownPathIsANotFoundStatus() throws Exception {
    HttpResponse<String> response = get("/api/v1/no-such-thing");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("\"kind\":\"Status\"", "\"reason\":\"NotFound\"");
  }

  @Test
  void dashboardRendersAPrimeFacesPage() throws Exception {
    HttpResponse<String> response = get("/dashboard/index.xhtml");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("primefaces", "Overview", "server-version");
  }
}
