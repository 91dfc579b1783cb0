package io.pilothouse.registry;

import tools.jackson.databind.node.ObjectNode;

/**
 * Checks that a body fits the request it came with: its kind and apiVersion are the resource's, its
 * namespace and name those of the URL. Fills them in where the body leaves them out.
 */
final class RequestChecks {

  private RequestChecks() {}

  static void typeMatches(ResourceType type, ObjectNode object) {
    String apiVersion = ObjectNodes.text(object, "apiVersion");
    String kind = ObjectNodes.text(object, "kind");
    if (apiVersion != null && !apiVersion.isEmpty() && !apiVersion.equals(type.apiVersion())) {
      throw RegistryErrors.badRequest(
          "the API version in the data ("
              + apiVersion
              + ") does not match the expected API version ("
              + type.apiVersion()
              + ")");
    }
    if (kind != null && !kind.isEmpty() && !kind.equals(type.kind())) {
      throw RegistryErrors.badRequest(
          "the kind in the data ("
              + kind
              + ") does not match the expected kind ("
              + type.kind()
              + ")");
    }
    object.put("apiVersion", type.apiVersion());
    object.put("kind", type.kind());
  }

  static void namespaceMatches(ResourceType type, String namespace, ObjectNode metadata) {
    String inBody = metadata.has("namespace") ? metadata.get("namespace").asString() : null;
    if (!type.namespaced()) {
      metadata.remove("namespace");
      return;
    }
    if (inBody != null && !inBody.isEmpty() && !inBody.equals(namespace)) {
      throw RegistryErrors.badRequest(
          "the namespace of the provided object does not match the namespace sent on the request");
    }
    metadata.put("namespace", namespace);
  }

  /**
   * {@code fieldValidation=Strict}: a body with fields its kind does not have is refused (400), as
   * kube-apiserver refuses it ({@code strict decoding error: unknown field "spec.foo"}).
   */
  static void knownFieldsOnly(ResourceType type, ObjectNode body, WriteOptions options) {
    if (options.fieldValidation() != WriteOptions.FieldValidation.STRICT) {
      return;
    }
    FieldValidator.check(type, body, java.util.List.of(), options);
  }

  static void nameMatches(String name, ObjectNode metadata) {
    String inBody = metadata.has("name") ? metadata.get("name").asString() : null;
    if (inBody != null && !inBody.isEmpty() && !inBody.equals(name)) {
      throw RegistryErrors.badRequest(
          "the name of the object ("
              + inBody
              + ") does not match the name on the URL ("
              + name
              + ")");
    }
    metadata.put("name", name);
  }
}
