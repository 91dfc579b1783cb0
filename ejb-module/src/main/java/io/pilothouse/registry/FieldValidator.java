package io.pilothouse.registry;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The {@code fieldValidation} of a write, as kube-apiserver applies it: fields the kind does not
 * have and fields named twice are refused under {@code Strict} (400, {@code strict decoding error:
 * unknown field "spec.foo"}), reported as warnings under {@code Warn} (the default), and let
 * through under {@code Ignore}.
 */
public final class FieldValidator {

  private FieldValidator() {}

  /**
   * Checks a request body; returns the warnings to send ({@code unknown field "spec.foo"}), empty
   * unless {@code Warn}.
   *
   * @param duplicates the paths of fields the body names twice, found while reading it
   * @throws io.pilothouse.api.StatusException 400 under {@code Strict} if any field is wrong
   */
  public static List<String> check(
      ResourceType type, JsonNode body, List<String> duplicates, WriteOptions options) {
    if (options.fieldValidation() == WriteOptions.FieldValidation.IGNORE) {
      return List.of();
    }
    List<String> problems = new ArrayList<>();
    unknown(type, body).forEach(field -> problems.add(problem("unknown", field)));
    duplicates.forEach(field -> problems.add(problem("duplicate", field)));
    if (options.fieldValidation() == WriteOptions.FieldValidation.STRICT) {
      refuseAny(problems);
    }
    return problems;
  }

  /**
   * Field validation of a patch: the fields its kind does not have that the patched object gains
   * (upstream validates the patched object) are refused under {@code Strict} (400) and returned as
   * warnings under {@code Warn}; the update then drops them.
   */
  static List<String> checkPatched(
      ResourceType type, JsonNode patched, JsonNode old, WriteOptions options) {
    if (options.fieldValidation() == WriteOptions.FieldValidation.IGNORE) {
      return List.of();
    }
    List<String> added = new ArrayList<>(unknown(type, patched));
    added.removeAll(unknown(type, old));
    List<String> problems = added.stream().map(field -> problem("unknown", field)).toList();
    if (options.fieldValidation() == WriteOptions.FieldValidation.STRICT) {
      refuseAny(problems);
    }
    return problems;
  }

  private static String problem(String kind, String field) {
    return kind + " field \"" + field + "\"";
  }

  /** {@code Strict}'s answer to any problem: 400, all of them in one message. */
  private static void refuseAny(List<String> problems) {
    if (!problems.isEmpty()) {
      throw RegistryErrors.badRequest("strict decoding error: " + String.join(", ", problems));
    }
  }

  /** Drops the fields the object's kind does not have, as upstream's decoding does. */
  static void prune(ResourceType type, JsonNode object) {
    ModelClasses.of(type).ifPresent(model -> UnknownFields.prune(object, model));
  }

  /** The paths of the body's fields that its kind does not have. */
  static List<String> unknown(ResourceType type, JsonNode body) {
    return ModelClasses.of(type).map(model -> UnknownFields.find(body, model)).orElse(List.of());
  }
}
