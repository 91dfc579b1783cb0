package io.pilothouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilothouse.it.support.SharedControlPlane;
import java.net.http.HttpResponse;
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
