package io.pilothouse.openapi;

import io.pilothouse.json.KubernetesJson;
import io.pilothouse.registry.ResourceTypes;
import io.pilothouse.version.BuildInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Swagger 2.0 document of kube-apiserver's {@code /openapi/v2}, in JSON: every served path with
 * its operations and every schema as a definition, named as upstream names them. For clients older
 * than OpenAPI v3 and for tools reading JSON; kubectl itself asks {@code /openapi/v2} only in
 * protobuf, which this document is not. Computed once, on first use; thread-safe.
 */
@ApplicationScoped
public class OpenApiV2 {

  private ResourceTypes types;
  private volatile RenderedDocument document;

  /** For CDI's proxy only. */
  protected OpenApiV2() {}

  /** The document of what {@code types} serves. */
  @Inject
  public OpenApiV2(ResourceTypes types) {
    this.types = types;
  }

  /** The document, a copy the caller may change. */
  public ObjectNode document() {
    return rendered().copy();
  }

  /** The document as JSON bytes, ready to send. */
  public byte[] json() {
    return rendered().jsonCopy();
  }

  /** The SHA-512 of the JSON bytes, in upper case hex: an ETag. */
  public String hash() {
    return rendered().hash();
  }

  private RenderedDocument rendered() {
    RenderedDocument result = document;
    if (result == null) {
      synchronized (this) {
        result = document;
        if (result == null) {
          result = RenderedDocument.of(build(ApiModel.of(types)));
          document = result;
        }
      }
    }
    return result;
  }

  private static ObjectNode build(ApiModel model) {
    ObjectNode document = KubernetesJson.mapper().createObjectNode();
    document.put("swagger", "2.0");
    document
        .putObject("info")
        .put("title", "Kubernetes")
        .put("version", "v" + BuildInfo.current().kubernetesVersion());
    ObjectNode paths = document.putObject("paths");
    Map<String, ObjectNode> definitions = new TreeMap<>();
    for (Map.Entry<String, List<ApiPath>> entry : model.groupVersions().entrySet()) {
      String tag = ApiModel.tag(entry.getKey());
      for (ApiPath path : entry.getValue()) {
        paths.set(path.path(), V2Renderer.pathItem(path, tag));
      }
      model
          .catalog()
          .closure(ApiModel.schemasOf(entry.getValue()))
          .forEach((name, schema) -> definitions.put(name, V2Schemas.definition(name, schema)));
    }
    document.putObject("definitions").setAll(definitions);
    return document;
  }
}
