package io.pilothouse.openapi;

import java.util.List;

/**
 * One operation of an API path (list pods, patch a deployment's status...), independent of the
 * OpenAPI version that renders it.
 *
 * @param method {@code get}, {@code put}, {@code post}, {@code patch} or {@code delete}
 * @param operationId upstream's id, e.g. {@code patchCoreV1NamespacedPod}
 * @param description e.g. {@code partially update the specified Pod}
 * @param action the {@code x-kubernetes-action}: {@code list}, {@code get}, {@code post}...
 * @param gvk the kind the operation serves
 * @param parameters the operation's own parameters (the path's come from {@link ApiPath})
 * @param body what the request carries
 * @param bodySchema the schema of the request body, or null
 * @param response what the response carries
 * @param responseSchema the schema of the response body, or null for text
 * @param codes the success codes answered ({@code 200}, {@code 201}, {@code 202})
 */
record ApiOperation(
    String method,
    String operationId,
    String description,
    String action,
    Gvk gvk,
    List<ApiParameter> parameters,
    Body body,
    String bodySchema,
    Response response,
    String responseSchema,
    List<String> codes) {

  /** The request body of an operation. */
  enum Body {
    NONE,
    OBJECT,
    PATCH,
    DELETE_OPTIONS
  }

  /** The response body of an operation. */
  enum Response {
    OBJECT,
    LIST,
    TEXT
  }

  private static final List<String> OK = List.of("200");
  private static final List<String> CREATED = List.of("200", "201", "202");
  private static final List<String> REPLACED = List.of("200", "201");
  private static final List<String> DELETED = List.of("200", "202");

  /** A list (or watch) of a collection. */
  static ApiOperation list(String id, String description, Gvk gvk, String listSchema) {
    return new ApiOperation(
        "get",
        id,
        description,
        "list",
        gvk,
        ApiParameter.LIST,
        Body.NONE,
        null,
        Response.LIST,
        listSchema,
        OK);
  }

  /** A read of one object. */
  static ApiOperation read(String id, String description, Gvk gvk, String schema) {
    return new ApiOperation(
        "get",
        id,
        description,
        "get",
        gvk,
        List.of(),
        Body.NONE,
        null,
        Response.OBJECT,
        schema,
        OK);
  }

  /** A create (POST) of an object of {@code schema}. */
  static ApiOperation create(String id, String description, Gvk gvk, String schema) {
    return new ApiOperation(
        "post",
        id,
        description,
        "post",
        gvk,
        ApiParameter.WRITE,
        Body.OBJECT,
        schema,
        Response.OBJECT,
        schema,
        CREATED);
  }

  /** A replace (PUT) of an object of {@code schema}. */
  static ApiOperation replace(String id, String description, Gvk gvk, String schema) {
    return new ApiOperation(
        "put",
        id,
        description,
        "put",
        gvk,
        ApiParameter.WRITE,
        Body.OBJECT,
        schema,
        Response.OBJECT,
        schema,
        REPLACED);
  }

  /** A patch of any of the {@link #PATCH_TYPES}, answered with the object of {@code schema}. */
  static ApiOperation patch(String id, String description, Gvk gvk, String schema) {
    return new ApiOperation(
        "patch",
        id,
        description,
        "patch",
        gvk,
        ApiParameter.PATCH,
        Body.PATCH,
        SchemaNames.PATCH,
        Response.OBJECT,
        schema,
        REPLACED);
  }

  /** A delete of one object, answered with {@code schema} (the object or a Status). */
  static ApiOperation delete(String id, String description, Gvk gvk, String schema) {
    return new ApiOperation(
        "delete",
        id,
        description,
        "delete",
        gvk,
        ApiParameter.DELETE,
        Body.DELETE_OPTIONS,
        SchemaNames.DELETE_OPTIONS,
        Response.OBJECT,
        schema,
        DELETED);
  }

  /** A delete of the objects of a collection a selector picks. */
  static ApiOperation deleteCollection(String id, String description, Gvk gvk) {
    return new ApiOperation(
        "delete",
        id,
        description,
        "deletecollection",
        gvk,
        ApiParameter.DELETE_COLLECTION,
        Body.DELETE_OPTIONS,
        SchemaNames.DELETE_OPTIONS,
        Response.OBJECT,
        SchemaNames.STATUS,
        OK);
  }

  /** An operation answered with text: a log, a proxied request. */
  static ApiOperation text(
      String method,
      String id,
      String description,
      String action,
      Gvk gvk,
      List<ApiParameter> parameters) {
    return new ApiOperation(
        method, id, description, action, gvk, parameters, Body.NONE, null, Response.TEXT, null, OK);
  }

  /** The media types of each patch type the server accepts, as upstream lists them. */
  static final List<String> PATCH_TYPES =
      List.of(
          "application/apply-patch+yaml",
          "application/json-patch+json",
          "application/merge-patch+json",
          "application/strategic-merge-patch+json");
}
