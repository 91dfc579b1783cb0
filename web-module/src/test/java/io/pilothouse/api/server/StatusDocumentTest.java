package io.pilothouse.api.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.pilothouse.api.StatusException;
import io.pilothouse.json.KubernetesJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Error bodies byte for byte as kube-apiserver v1.32 writes them. */
class StatusDocumentTest {

  private static String json(StatusException failure) {
    return KubernetesJson.mapper().writeValueAsString(StatusDocument.of(failure));
  }

  @Test
  void notFoundOfACoreKindHasNoGroupAndNoCauses() {
    StatusException notFound =
        new StatusException(
            404,
            "NotFound",
            "pods \"nope\" not found",
            new StatusException.StatusDetails("", "pods", "nope", null));
    assertThat(json(notFound))
        .isEqualTo(
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                + "\"message\":\"pods \\\"nope\\\" not found\",\"reason\":\"NotFound\","
                + "\"details\":{\"name\":\"nope\",\"kind\":\"pods\"},\"code\":404}");
  }

  @Test
  void invalidListsItsCausesAndTheGroup() {
    StatusException invalid =
        new StatusException(
            422,
            "Invalid",
            "Deployment.apps \"web\" is invalid: spec.replicas: Invalid value: -1: must be"
                + " greater than or equal to 0",
            new StatusException.StatusDetails(
                "apps",
                "Deployment",
                "web",
                List.of(
                    new StatusException.Cause(
                        "FieldValueInvalid",
                        "Invalid value: -1: must be greater than or equal to 0",
                        "spec.replicas"))));
    assertThat(json(invalid))
        .isEqualTo(
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                + "\"message\":\"Deployment.apps \\\"web\\\" is invalid: spec.replicas: Invalid"
                + " value: -1: must be greater than or equal to 0\",\"reason\":\"Invalid\","
                + "\"details\":{\"name\":\"web\",\"group\":\"apps\",\"kind\":\"Deployment\","
                + "\"causes\":[{\"reason\":\"FieldValueInvalid\",\"message\":\"Invalid value: -1:"
                + " must be greater than or equal to 0\",\"field\":\"spec.replicas\"}]},"
                + "\"code\":422}");
  }

  @Test
  void aFailureWithoutDetailsOrReasonOmitsThem() {
    assertThat(json(new StatusException(500, null, "boom")))
        .isEqualTo(
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                + "\"message\":\"boom\",\"code\":500}");
    assertThat(json(new StatusException(400, "BadRequest", "x", null)))
        .doesNotContain("null")
        .doesNotContain("details");
  }
}
