package io.pilothouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilothouse.it.support.SharedControlPlane;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Error bodies through HTTP exactly as kube-apiserver writes them: no nulls, no empty fields; and
 * replies sent whole, with their length.
 */
@ExtendWith(SharedControlPlane.class)
class ErrorStatusIT {

  private final ControlPlane api;

  ErrorStatusIT(ControlPlane api) {
    this.api = api;
  }

  @Test
  void notFoundIsUpstreamsStatusByteForByte() throws Exception {
    HttpResponse<String> missing = api.get("/api/v1/namespaces/default/pods/nowhere");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body())
        .isEqualTo(
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                + "\"message\":\"pods \\\"nowhere\\\" not found\",\"reason\":\"NotFound\","
                + "\"details\":{\"name\":\"nowhere\",\"kind\":\"pods\"},\"code\":404}");
  }

  @Test
  void badRequestHasNoDetailsAndNoNulls() throws Exception {
    HttpResponse<String> bad =
        api.send("POST", "/api/v1/namespaces/default/configmaps", "application/json", "{\"kind\":");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body())
        .startsWith("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},")
        .endsWith(",\"reason\":\"BadRequest\",\"code\":400}")
        .doesNotContain("null")
        .doesNotContain("details");
  }

  @Test
  void repliesCarryTheirLengthAndAreNotChunked() throws Exception {
    for (HttpResponse<String> reply :
        List.of(
            api.get("/api/v1/namespaces/default"),
            api.get("/api/v1/namespaces/default/pods/nowhere"))) {
      assertThat(reply.headers().firstValue("Transfer-Encoding")).isEmpty();
      assertThat(reply.headers().firstValueAsLong("Content-Length"))
          .hasValue(reply.body().getBytes(StandardCharsets.UTF_8).length);
    }
  }
}
