package io.pilothouse.registry.patch;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.NoSuchElementException;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON Patch (RFC 6902) and JSON Merge Patch (RFC 7396), applied by Jakarta JSON-P. Objects cross
 * between Jackson and JSON-P as JSON text, so numbers keep their form ({@code 3} stays {@code 3}).
 * The operations are checked before JSON-P sees them, because JSON-P reports a malformed operation
 * and an operation that does not fit the object alike.
 */
final class JsonPatches {

  private static final Set<String> OPERATIONS =
      Set.of("add", "remove", "replace", "move", "copy", "test");
  private static final Set<String> WITH_VALUE = Set.of("add", "replace", "test");
  private static final Set<String> WITH_FROM = Set.of("move", "copy");

  private static final int MAX_MESSAGE = 300;

  private final JsonMapper mapper;
  private final JsonProvider jsonp;

  JsonPatches(JsonMapper mapper, JsonProvider jsonp) {
    this.mapper = mapper;
    this.jsonp = jsonp;
  }

  ObjectNode applyJsonPatch(ObjectNode current, String body) {
    JsonArray operations = checkOperations(read(body, "JSON patch"));
    try {
      JsonStructure target = (JsonStructure) toJsonp(current);
      return fromJsonp(jsonp.createPatch(operations).apply(target), "JSON patch");
    } catch (JsonException | IllegalArgumentException | IndexOutOfBoundsException e) {
      throw PatchException.unprocessable("the JSON patch cannot be applied: " + brief(e));
    }
  }

  ObjectNode applyMergePatch(ObjectNode current, String body) {
    JsonValue patch = read(body, "merge patch");
    if (!(patch instanceof JsonObject)) {
      throw PatchException.malformed("a merge patch must be a JSON object");
    }
    try {
      return fromJsonp(jsonp.createMergePatch(patch).apply(toJsonp(current)), "merge patch");
    } catch (JsonException e) {
      throw PatchException.unprocessable("the merge patch cannot be applied: " + brief(e));
    }
  }

  /** One JSON value and nothing after it (JSON-P's reader would ignore trailing text). */
  private JsonValue read(String body, String what) {
    try (JsonParser parser = jsonp.createParser(new StringReader(body))) {
      parser.next();
      JsonValue value = parser.getValue();
      if (parser.hasNext()) {
        throw PatchException.malformed("the " + what + " has text after its JSON value");
      }
      return value;
    } catch (JsonException | IllegalStateException | NoSuchElementException e) {
      throw PatchException.malformed("the " + what + " is not valid JSON: " + brief(e));
    }
  }

  private static JsonArray checkOperations(JsonValue patch) {
    if (!(patch instanceof JsonArray operations)) {
      throw PatchException.malformed("a JSON patch must be a JSON array of operations");
    }
    if (operations.size() > PatchException.MAX_JSON_PATCH_OPERATIONS) {
      throw new PatchException(
          PatchException.Kind.TOO_LARGE,
          "The allowed maximum operations in a JSON patch is "
              + PatchException.MAX_JSON_PATCH_OPERATIONS
              + ", got "
              + operations.size());
    }
    for (int i = 0; i < operations.size(); i++) {
      checkOperation(operations.get(i), i);
    }
    return operations;
  }

  private static void checkOperation(JsonValue value, int index) {
    if (!(value instanceof JsonObject operation)) {
      throw PatchException.malformed("JSON patch operation " + index + " is not a JSON object");
    }
    JsonValue op = operation.get("op");
    if (!(op instanceof JsonString name) || !OPERATIONS.contains(name.getString())) {
      throw PatchException.malformed(
          "JSON patch operation " + index + " has an unknown or missing \"op\": " + op);
    }
    checkPointer(operation, "path", index);
    if (WITH_FROM.contains(name.getString())) {
      checkPointer(operation, "from", index);
    }
    if (WITH_VALUE.contains(name.getString()) && !operation.containsKey("value")) {
      throw PatchException.malformed(
          "JSON patch operation " + index + " (" + name.getString() + ") has no \"value\"");
    }
  }

  /** RFC 6901: empty, or {@code /}-separated tokens where {@code ~} is followed by 0 or 1. */
  private static void checkPointer(JsonObject operation, String member, int index) {
    JsonValue value = operation.get(member);
    String pointer = value instanceof JsonString s ? s.getString() : null;
    boolean valid = pointer != null && (pointer.isEmpty() || pointer.startsWith("/"));
    for (int i = 0; valid && i < pointer.length(); i++) {
      if (pointer.charAt(i) == '~') {
        valid = i + 1 < pointer.length() && "01".indexOf(pointer.charAt(i + 1)) >= 0;
      }
    }
    if (!valid) {
      throw PatchException.malformed(
          "JSON patch operation " + index + " has an invalid \"" + member + "\": " + value);
    }
  }

  /** JSON-P's message, cut short: some quote the whole object, which a Status need not carry. */
  private static String brief(RuntimeException e) {
    String message = String.valueOf(e.getMessage());
    return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "...";
  }

  private JsonValue toJsonp(JsonNode node) {
    try (var reader = jsonp.createReader(new StringReader(mapper.writeValueAsString(node)))) {
      return reader.readValue();
    }
  }

  private ObjectNode fromJsonp(JsonValue value, String what) {
    if (!(value instanceof JsonObject object)) {
      throw PatchException.unprocessable(
          "the " + what + " would make the object a " + value.getValueType());
    }
    StringWriter text = new StringWriter();
    try (var writer = jsonp.createWriter(text)) {
      writer.writeObject(object);
    }
    try {
      return (ObjectNode) mapper.readTree(text.toString());
    } catch (JacksonException e) {
      throw new IllegalStateException("JSON-P wrote JSON Jackson cannot read", e);
    }
  }
}
