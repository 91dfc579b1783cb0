package io.pilothouse.openapi;

import io.pilothouse.json.KubernetesJson;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schemas that reflection over fabric8 cannot produce, written as kube-apiserver's OpenAPI v3
 * writes them: {@code Quantity} and {@code IntOrString} (a string or a number, which fabric8 models
 * as classes with custom serializers), {@code Time} and {@code MicroTime} (date-time strings),
 * {@code FieldsV1} and {@code Patch} (free-form objects), and autoscaling/v1 {@code Scale}, the
 * body of the {@code scale} subresource (fabric8's autoscaling model is not on the class path).
 */
final class SpecialSchemas {

  private static final String AUTOSCALING = "io.k8s.api.autoscaling.v1.";

  private static final Map<String, String> SCHEMAS =
      Map.of(
          SchemaNames.QUANTITY,
          """
          {"description":"Quantity is a fixed-point representation of a number, e.g. 100m, 1Gi \
          or 2.5.","oneOf":[{"type":"string"},{"type":"number"}]}""",
          SchemaNames.INT_OR_STRING,
          """
          {"description":"IntOrString is a type that can hold an int32 or a string.",\
          "format":"int-or-string","oneOf":[{"type":"integer"},{"type":"string"}],\
          "x-kubernetes-int-or-string":true}""",
          SchemaNames.TIME,
          """
          {"description":"Time is a wrapper around time.Time which supports correct marshaling \
          to YAML and JSON, in RFC 3339 form.","format":"date-time","type":"string"}""",
          SchemaNames.MICRO_TIME,
          """
          {"description":"MicroTime is version of Time with microsecond level precision.",\
          "format":"date-time","type":"string"}""",
          SchemaNames.META + "FieldsV1",
          """
          {"description":"FieldsV1 stores a set of fields in a data structure like a Trie, in \
          JSON format.","type":"object"}""",
          SchemaNames.PATCH,
          """
          {"description":"Patch is provided to give a concrete name and type to the Kubernetes \
          PATCH request body.","type":"object"}""",
          SchemaNames.SCALE,
          """
          {"description":"Scale represents a scaling request for a resource.","properties":{\
          "apiVersion":{"type":"string"},"kind":{"type":"string"},\
          "metadata":{"allOf":[{"$ref":"#/components/schemas/\
          io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"}]},\
          "spec":{"allOf":[{"$ref":"#/components/schemas/io.k8s.api.autoscaling.v1.ScaleSpec"}]},\
          "status":{"allOf":[{"$ref":"#/components/schemas/io.k8s.api.autoscaling.v1.ScaleStatus"}\
          ]}},"type":"object","x-kubernetes-group-version-kind":[\
          {"group":"autoscaling","kind":"Scale","version":"v1"}]}""",
          AUTOSCALING + "ScaleSpec",
          """
          {"description":"ScaleSpec describes the attributes of a scale subresource.",\
          "properties":{"replicas":{"description":"replicas is the desired number of instances \
          for the scaled object.","format":"int32","type":"integer"}},"type":"object"}""",
          AUTOSCALING + "ScaleStatus",
          """
          {"description":"ScaleStatus represents the current status of a scale subresource.",\
          "properties":{"replicas":{"description":"replicas is the actual number of observed \
          instances of the scaled object.","format":"int32","type":"integer"},\
          "selector":{"description":"selector is the label query over pods that should match \
          the replicas count, in the string form of a label selector.","type":"string"}},\
          "required":["replicas"],"type":"object"}""");

  private SpecialSchemas() {}

  /** A fresh copy of the hand-written schema with this name, if there is one. */
  static Optional<ObjectNode> get(String name) {
    String json = SCHEMAS.get(name);
    return json == null
        ? Optional.empty()
        : Optional.of((ObjectNode) KubernetesJson.mapper().readTree(json));
  }

  /** Whether there is a hand-written schema of this name. */
  static boolean has(String name) {
    return SCHEMAS.containsKey(name);
  }
}
