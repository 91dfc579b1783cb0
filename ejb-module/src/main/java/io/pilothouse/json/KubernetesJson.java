package io.pilothouse.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping of the control plane, shared by the API server and the registry: fabric8's
 * Kubernetes types, nulls and empty defaults left out as the Kubernetes API does.
 */
public final class KubernetesJson {

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .changeDefaultPropertyInclusion(
              incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .build();

  private KubernetesJson() {}

  /** The shared, thread-safe mapper. */
  public static JsonMapper mapper() {
    return MAPPER;
  }
}
