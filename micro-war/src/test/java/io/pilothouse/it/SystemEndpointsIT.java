package io.pilothouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The API server's system endpoints, over HTTP against the deployed WAR on Payara Micro. */
@ExtendWith(ArquillianExtension.class)
class SystemEndpointsIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.pilothouseWar();
  }

  @ArquillianResource URL base;

  private HttpResponse<String> get(String path) throws Exception {
    return ControlPlane.at(base).get(path);
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
