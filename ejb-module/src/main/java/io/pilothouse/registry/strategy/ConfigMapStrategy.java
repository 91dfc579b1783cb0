package io.pilothouse.registry.strategy;

import io.pilothouse.registry.validation.FieldError;
import io.pilothouse.registry.validation.Names;
import io.pilothouse.registry.validation.Trees;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * ConfigMaps ({@code core/v1}): valid keys in {@code data} and {@code binaryData}, no key in both,
 * at most 1 MiB in total, and no change to the contents once {@code immutable: true} is set.
 */
public class ConfigMapStrategy implements ResourceStrategy {

  /** Upstream's {@code MaxSecretSize}, which also bounds config maps. */
  static final int MAX_SIZE = 1024 * 1024;

  static final String IMMUTABLE = "field is immutable when `immutable` is set";

  @Override
  public List<FieldError> validate(ObjectNode configMap) {
    List<FieldError> errs = new ArrayList<>();
    Map<String, String> data = Trees.stringMap(configMap, "data");
    Map<String, String> binary = Trees.stringMap(configMap, "binaryData");
    long size = 0;
    for (Map.Entry<String, String> entry : data.entrySet()) {
      String key = entry.getKey();
      Names.configMapKey(key)
          .forEach(msg -> errs.add(FieldError.invalid("data[" + key + "]", key, msg)));
      if (binary.containsKey(key)) {
        errs.add(
            FieldError.invalid("data[" + key + "]", key, "duplicate of key present in binaryData"));
      }
      size += entry.getValue().length();
    }
    for (Map.Entry<String, String> entry : binary.entrySet()) {
      String key = entry.getKey();
      Names.configMapKey(key)
          .forEach(msg -> errs.add(FieldError.invalid("binaryData[" + key + "]", key, msg)));
      size += entry.getValue().length() * 3L / 4;
    }
    if (size > MAX_SIZE) {
      errs.add(FieldError.tooLong("", MAX_SIZE));
    }
    return errs;
  }

  @Override
  public List<FieldError> validateUpdate(ObjectNode configMap, ObjectNode old) {
    List<FieldError> errs =
        new ArrayList<>(immutableContents(configMap, old, List.of("data", "binaryData")));
    errs.addAll(validate(configMap));
    return errs;
  }

  /** Once {@code immutable} is true it stays true and {@code fields} stay as they are. */
  static List<FieldError> immutableContents(
      ObjectNode object, ObjectNode old, List<String> fields) {
    List<FieldError> errs = new ArrayList<>();
    if (!Trees.isTrue(old, "immutable")) {
      return errs;
    }
    if (!Trees.isTrue(object, "immutable")) {
      errs.add(FieldError.forbidden("immutable", IMMUTABLE));
    }
    for (String field : fields) {
      if (!Objects.equals(contents(object.get(field)), contents(old.get(field)))) {
        errs.add(FieldError.forbidden(field, IMMUTABLE));
      }
    }
    return errs;
  }

  private static JsonNode contents(JsonNode node) {
    return node == null || node.isNull() || node.isEmpty() ? null : node;
  }
}
