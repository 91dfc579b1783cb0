package io.pilothouse.openapi;

import io.pilothouse.json.KubernetesJson;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the paths of one group version as an OpenAPI 3.0 document, as kube-apiserver serves it at
 * {@code /openapi/v3/apis/apps/v1}: parameters inline in each operation (kubectl's check for {@code
 * fieldValidation} reads the PATCH operation's own parameters), schemas under {@code
 * components.schemas}.
 */
final class V3Renderer {

  private static final List<String> OBJECT_TYPES = List.of("application/json", "application/yaml");
  private static final List<String> LIST_TYPES =
      List.of("application/json", "application/json;stream=watch", "application/yaml");

  private V3Renderer() {}

  /** The document of the group version whose paths these are. */
  static ObjectNode document(List<ApiPath> paths, Map<String, ObjectNode> schemas, String tag) {
    ObjectNode document = KubernetesJson.mapper().createObjectNode();
    document.put("openapi", "3.0.0");
    document.putObject("info").put("title", "Kubernetes").put("version", "unversioned");
    ObjectNode pathItems = document.putObject("paths");
    for (ApiPath path : paths) {
      pathItems.set(path.path(), pathItem(path, tag));
    }
    document.putObject("components").putObject("schemas").setAll(schemas);
    return document;
  }

  private static ObjectNode pathItem(ApiPath path, String tag) {
    ObjectNode item = KubernetesJson.mapper().createObjectNode();
    for (ApiOperation operation : path.operations()) {
      item.set(operation.method(), operation(operation, tag));
    }
    parameters(item, path.parameters());
    return item;
  }

  private static ObjectNode operation(ApiOperation operation, String tag) {
    ObjectNode node = KubernetesJson.mapper().createObjectNode();
    node.put("description", operation.description());
    node.put("operationId", operation.operationId());
    parameters(node, operation.parameters());
    requestBody(node, operation);
    ObjectNode responses = node.putObject("responses");
    for (String code : operation.codes()) {
      ObjectNode response = responses.putObject(code);
      content(response, operation.response(), operation.responseSchema());
      response.put("description", Responses.description(code));
    }
    responses.putObject("401").put("description", "Unauthorized");
    node.putArray("tags").add(tag);
    node.put("x-kubernetes-action", operation.action());
    node.set("x-kubernetes-group-version-kind", operation.gvk().toNode());
    return node;
  }

  private static void parameters(ObjectNode owner, List<ApiParameter> parameters) {
    if (parameters.isEmpty()) {
      return;
    }
    ArrayNode array = owner.putArray("parameters");
    for (ApiParameter parameter : parameters) {
      ObjectNode node = array.addObject();
      node.put("description", parameter.description());
      node.put("in", parameter.in());
      node.put("name", parameter.name());
      if (parameter.required()) {
        node.put("required", true);
      }
      node.putObject("schema").put("type", parameter.type()).put("uniqueItems", true);
    }
  }

  private static void requestBody(ObjectNode node, ApiOperation operation) {
    if (operation.body() == ApiOperation.Body.NONE) {
      return;
    }
    ObjectNode body = node.putObject("requestBody");
    ObjectNode content = body.putObject("content");
    List<String> types =
        operation.body() == ApiOperation.Body.PATCH ? ApiOperation.PATCH_TYPES : List.of("*/*");
    for (String type : types) {
      content.putObject(type).putObject("schema").put("$ref", ref(operation.bodySchema()));
    }
    if (operation.body() != ApiOperation.Body.DELETE_OPTIONS) {
      body.put("required", true);
    }
  }

  private static void content(ObjectNode response, ApiOperation.Response kind, String schema) {
    ObjectNode content = response.putObject("content");
    if (kind == ApiOperation.Response.TEXT) {
      content.putObject("*/*").putObject("schema").put("type", "string");
      return;
    }
    for (String type : kind == ApiOperation.Response.LIST ? LIST_TYPES : OBJECT_TYPES) {
      content.putObject(type).putObject("schema").put("$ref", ref(schema));
    }
  }

  private static String ref(String schema) {
    return SchemaCatalog.REF_PREFIX + schema;
  }
}
