package io.pilothouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.jar.JarFile;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The EAR, exactly as built, deployed on Payara Server 6 full with its built-in broker: the control
 * plane becomes ready, answers the Kubernetes API and renders the dashboard.
 */
@ExtendWith(ArquillianExtension.class)
class EarSmokeIT {

  private static final URI ROOT =
      URI.create("http://127.0.0.1:" + System.getProperty("pilothouse.http.port", "18080") + "/");

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    File ear = new File(System.getProperty("pilothouse.ear", "target/pilothouse.ear"));
    return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(ROOT.resolve(path)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * The server's connection pools load H2 from its h2db/bin: the build puts the project's there.
   */
  @Test
  void theServersH2IsTheOneTheProjectBuildsWith() throws Exception {
    File h2 = new File(System.getProperty("pilothouse.server.home"), "h2db/bin/h2.jar");
    try (JarFile jar = new JarFile(h2)) {
      assertThat(jar.getManifest().getMainAttributes().getValue("Bundle-Version"))
          .isEqualTo(System.getProperty("pilothouse.h2.version"));
    }
  }

  @Test
  void readyzPassesWithDatabaseAndServerBroker() throws Exception {
    HttpResponse<String> response = get("/readyz?verbose");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("[+]database ok", "[+]broker ok");
  }

  @Test
  void versionAnswersAtTheServerRoot() throws Exception {
    HttpResponse<String> response = get("/version");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"gitVersion\":\"v1.32.0-pilothouse.");
  }

  @Test
  void kubernetesApiServesObjects() throws Exception {
    HttpResponse<String> namespaces = get("/api/v1/namespaces");
    assertThat(namespaces.statusCode()).isEqualTo(200);
    assertThat(namespaces.body()).contains("\"kind\":\"NamespaceList\"", "\"kube-system\"");
    HttpResponse<String> openapi = get("/openapi/v3");
    assertThat(openapi.statusCode()).isEqualTo(200);
    assertThat(openapi.body()).contains("api/v1");
  }

  @Test
  void dashboardRendersAPrimeFacesPage() throws Exception {
    HttpResponse<String> response = get("/dashboard/index.xhtml");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("primefaces", "server-version");
  }
}
