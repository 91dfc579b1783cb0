package io.pilothouse.openapi;

import io.pilothouse.json.KubernetesJson;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes API paths as Swagger 2.0 path items, as kube-apiserver serves them at {@code /openapi/v2}:
 * the request body as a {@code body} parameter, media types in {@code consumes}/{@code produces},
 * parameters inline (kubectl's legacy {@code fieldValidation} check reads them there too).
 */
final class V2Renderer {

  private static final String REF_PREFIX = "#/definitions/";
  private static final List<String> OBJECT_TYPES = List.of("application/json", "application/yaml");
  private static final List<String> LIST_TYPES =
      List.of("application/json", "application/yaml", "application/json;stream=watch");
  private static final List<String> TEXT_TYPES = List.of("text/plain", "application/json");

  private V2Renderer() {}

  /** The path item of {@code path}, its operations tagged {@code tag} ({@code core_v1}...). */
  static ObjectNode pathItem(ApiPath path, String tag) {
    ObjectNode item = KubernetesJson.mapper().createObjectNode();
    for (ApiOperation operation : path.operations()) {
      item.set(operation.method(), operation(operation, tag));
    }
    if (!path.parameters().isEmpty()) {
      parameters(item.putArray("parameters"), path.parameters());
    }
    return item;
  }

  /** The {@code $ref} of a schema in a Swagger 2.0 document. */
  static String ref(String schema) {
    return REF_PREFIX + schema;
  }

  private static ObjectNode operation(ApiOperation operation, String tag) {
    ObjectNode node = KubernetesJson.mapper().createObjectNode();
    if (operation.body() != ApiOperation.Body.NONE) {
      strings(
          node.putArray("consumes"),
          operation.body() == ApiOperation.Body.PATCH ? ApiOperation.PATCH_TYPES : List.of("*/*"));
    }
    node.put("description", operation.description());
    node.put("operationId", operation.operationId());
    ArrayNode parameters = node.putArray("parameters");
    if (operation.body() != ApiOperation.Body.NONE) {
      ObjectNode body = parameters.addObject().put("in", "body").put("name", "body");
      if (operation.body() != ApiOperation.Body.DELETE_OPTIONS) {
        body.put("required", true);
      }
      body.putObject("schema").put("$ref", ref(operation.bodySchema()));
    }
    parameters(parameters, operation.parameters());
    strings(node.putArray("produces"), produces(operation.response()));
    responses(node.putObject("responses"), operation);
    node.putArray("schemes").add("https");
    node.putArray("tags").add(tag);
    node.put("x-kubernetes-action", operation.action());
    node.set("x-kubernetes-group-version-kind", operation.gvk().toNode());
    return node;
  }

  private static List<String> produces(ApiOperation.Response response) {
    return switch (response) {
      case OBJECT -> OBJECT_TYPES;
      case LIST -> LIST_TYPES;
      case TEXT -> TEXT_TYPES;
    };
  }

  private static void responses(ObjectNode responses, ApiOperation operation) {
    for (String code : operation.codes()) {
      ObjectNode response =
          responses.putObject(code).put("description", Responses.description(code));
      if (operation.response() == ApiOperation.Response.TEXT) {
        response.putObject("schema").put("type", "string");
      } else {
        response.putObject("schema").put("$ref", ref(operation.responseSchema()));
      }
    }
    responses.putObject("401").put("description", "Unauthorized");
  }

  private static void parameters(ArrayNode array, List<ApiParameter> parameters) {
    for (ApiParameter parameter : parameters) {
      ObjectNode node = array.addObject();
      node.put("description", parameter.description());
      node.put("in", parameter.in());
      node.put("name", parameter.name());
      if (parameter.required()) {
        node.put("required", true);
      }
      node.put("type", parameter.type()).put("uniqueItems", true);
    }
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
