package io.pilothouse.registry.strategy;

import io.pilothouse.json.KubernetesJson;
import io.pilothouse.registry.validation.FieldError;
import io.pilothouse.registry.validation.Immutable;
import io.pilothouse.registry.validation.Names;
import io.pilothouse.registry.validation.Trees;
import io.pilothouse.store.FieldSelector;
import io.pilothouse.store.IndexedFields;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Secrets ({@code core/v1}): type {@code Opaque} by default and immutable, {@code stringData}
 * folded into {@code data} as base64 and dropped (as upstream's conversion does), valid keys and
 * base64 values within 1 MiB, the keys each built-in type requires, and the {@code immutable} rule;
 * {@code type} is selectable.
 */
public class SecretStrategy implements ResourceStrategy {

  private static final FieldLabelConversion FIELD_LABELS =
      FieldLabelConversion.of(
          "type", FieldSelector.METADATA_NAMESPACE, FieldSelector.METADATA_NAME);

  private static final String SA_NAME_ANNOTATION = "kubernetes.io/service-account.name";

  @Override
  public void prepareForCreate(ObjectNode secret) {
    applyDefaults(secret);
  }

  @Override
  public void prepareForUpdate(ObjectNode secret, ObjectNode old) {
    applyDefaults(secret);
  }

  private static void applyDefaults(ObjectNode secret) {
    Trees.putIfAbsent(secret, "type", "Opaque");
    Map<String, String> stringData = Trees.stringMap(secret, "stringData");
    if (!stringData.isEmpty()) {
      ObjectNode data = Trees.ensureObject(secret, "data");
      Base64.Encoder encoder = Base64.getEncoder();
      stringData.forEach(
          (key, value) ->
              data.put(key, encoder.encodeToString(value.getBytes(StandardCharsets.UTF_8))));
    }
    secret.remove("stringData");
  }

  @Override
  public List<FieldError> validate(ObjectNode secret) {
    List<FieldError> errs = new ArrayList<>();
    Map<String, String> data = Trees.stringMap(secret, "data");
    long size = 0;
    for (Map.Entry<String, String> entry : data.entrySet()) {
      String key = entry.getKey();
      String path = "data[" + key + "]";
      Names.configMapKey(key).forEach(msg -> errs.add(FieldError.invalid(path, key, msg)));
      try {
        size += Base64.getDecoder().decode(entry.getValue()).length;
      } catch (IllegalArgumentException e) {
        errs.add(FieldError.invalid(path, "<secret contents redacted>", "illegal base64 data"));
      }
    }
    if (size > ConfigMapStrategy.MAX_SIZE) {
      errs.add(FieldError.tooLong("data", ConfigMapStrategy.MAX_SIZE));
    }
    errs.addAll(validateType(secret, data));
    return errs;
  }

  private static List<FieldError> validateType(ObjectNode secret, Map<String, String> data) {
    return switch (Trees.text(secret, "type", "")) {
      case "kubernetes.io/service-account-token" ->
          Trees.text(secret.path("metadata").path("annotations"), SA_NAME_ANNOTATION, "").isEmpty()
              ? List.of(FieldError.required("metadata.annotations[" + SA_NAME_ANNOTATION + "]"))
              : List.of();
      case "kubernetes.io/dockercfg" -> requireJson(data, ".dockercfg");
      case "kubernetes.io/dockerconfigjson" -> requireJson(data, ".dockerconfigjson");
      case "kubernetes.io/basic-auth" ->
          data.containsKey("username") || data.containsKey("password")
              ? List.of()
              : List.of(
                  FieldError.required("data[username]"), FieldError.required("data[password]"));
      case "kubernetes.io/ssh-auth" ->
          data.getOrDefault("ssh-privatekey", "").isEmpty()
              ? List.of(FieldError.required("data[ssh-privatekey]"))
              : List.of();
      case "kubernetes.io/tls" -> requireKeys(data, "tls.crt", "tls.key");
      default -> List.of();
    };
  }

  private static List<FieldError> requireKeys(Map<String, String> data, String... keys) {
    List<FieldError> errs = new ArrayList<>();
    for (String key : keys) {
      if (!data.containsKey(key)) {
        errs.add(FieldError.required("data[" + key + "]"));
      }
    }
    return errs;
  }

  private static List<FieldError> requireJson(Map<String, String> data, String key) {
    String value = data.get(key);
    String path = "data[" + key + "]";
    if (value == null) {
      return List.of(FieldError.required(path));
    }
    String problem;
    try {
      JsonNode tree = KubernetesJson.mapper().readTree(Base64.getDecoder().decode(value));
      if (tree != null && tree.isObject()) {
        return List.of();
      }
      problem = "json: cannot unmarshal into Go value of type map[string]interface {}";
    } catch (RuntimeException e) {
      problem = String.valueOf(e.getMessage()).lines().findFirst().orElse("invalid JSON");
    }
    return List.of(FieldError.invalid(path, "<secret contents redacted>", problem));
  }

  @Override
  public List<FieldError> validateUpdate(ObjectNode secret, ObjectNode old) {
    List<FieldError> errs = new ArrayList<>(Immutable.check(secret, old, "type", "type"));
    errs.addAll(ConfigMapStrategy.immutableContents(secret, old, List.of("data")));
    errs.addAll(validate(secret));
    return errs;
  }

  @Override
  public void indexFields(ObjectNode secret, IndexedFields.Builder fields) {
    fields.field("type", Trees.text(secret, "type", ""));
  }

  @Override
  public FieldLabelConversion fieldLabelConversion() {
    return FIELD_LABELS;
  }
}
