package io.pilothouse.protobuf;

import io.pilothouse.protobuf.ProtobufSchema.Field;
import io.pilothouse.protobuf.ProtobufSchema.MessageType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Walks a protobuf message by its {@link ProtobufSchema} into the JSON tree Go's {@code
 * encoding/json} would write for the decoded Kubernetes object: fields under their JSON names,
 * repeated fields as arrays (packed or not), maps as objects, inlined structs merged into their
 * parent, and zero values of non-pointer {@code omitempty} fields left out (gogo-protobuf writes
 * every non-pointer field, so {@code ""} and {@code 0} arrive for every unset one). Unknown field
 * numbers are skipped; a wire type that contradicts the schema is an error.
 */
final class MessageDecoder {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MAX_DEPTH = 100;

  private final ProtobufSchema schema;

  MessageDecoder(ProtobufSchema schema) {
    this.schema = schema;
  }

  /** Decodes a whole message of this type, read to the end of {@code in}. */
  ObjectNode decode(MessageType type, WireReader in) {
    return message(type, in, type.name(), 0);
  }

  private ObjectNode message(MessageType type, WireReader in, String path, int depth) {
    if (depth > MAX_DEPTH) {
      throw new ProtobufDecodeException("protobuf messages nested deeper than " + MAX_DEPTH);
    }
    ObjectNode out = NODES.objectNode();
    while (!in.atEnd()) {
      int tag = in.readTag();
      int wireType = tag & 7;
      Field field = type.fields().get(tag >>> 3);
      if (field == null) {
        in.skip(wireType); // a field newer than our schema
        continue;
      }
      String where = path + "." + (field.inline() ? field.typeName() : field.jsonName());
      if (field.map()) {
        expect(field, wireType, WireReader.LENGTH_DELIMITED, where);
        mapEntry(field, in.readLengthDelimited(), object(out, field.jsonName()), where, depth);
      } else if (field.repeated()) {
        repeated(field, wireType, in, array(out, field.jsonName()), where, depth);
      } else {
        expect(field, wireType, wireType(field), where);
        JsonNode value = value(field.typeName(), field.scalar(), in, where, depth);
        if (field.inline()) {
          out.setAll((ObjectNode) value);
        } else {
          set(out, field, value);
        }
      }
    }
    return out;
  }

  private void repeated(
      Field field, int wireType, WireReader in, ArrayNode array, String where, int depth) {
    ScalarType scalar = field.scalar();
    if (scalar != null && scalar.packable() && wireType == WireReader.LENGTH_DELIMITED) {
      WireReader packed = in.readLengthDelimited();
      while (!packed.atEnd()) {
        array.add(scalar.read(packed));
      }
      return;
    }
    expect(field, wireType, wireType(field), where);
    JsonNode value = value(field.typeName(), scalar, in, where + "[" + array.size() + "]", depth);
    array.add(value == null ? NODES.nullNode() : value);
  }

  private void mapEntry(Field field, WireReader entry, ObjectNode map, String where, int depth) {
    String key = "";
    JsonNode value = null;
    while (!entry.atEnd()) {
      int tag = entry.readTag();
      int number = tag >>> 3;
      if (number == 1) {
        expect(field, tag & 7, WireReader.LENGTH_DELIMITED, where + " (map key)");
        key = entry.readString();
      } else if (number == 2) {
        expect(field, tag & 7, wireType(field), where + " (map value)");
        value = value(field.typeName(), field.scalar(), entry, where + "[" + key + "]", depth);
        value = value == null ? NODES.nullNode() : value;
      } else {
        entry.skip(tag & 7);
      }
    }
    if (value == null) { // an absent value is the type's default
      value = defaultValue(field, where, depth);
    }
    map.set(key, value);
  }

  private JsonNode defaultValue(Field field, String where, int depth) {
    if (field.scalar() == null) {
      JsonNode value = payload(field.typeName(), new WireReader(new byte[0]), where, depth);
      return value == null ? NODES.nullNode() : value;
    }
    return field.scalar().read(new WireReader(zeroOf(field.scalar())));
  }

  private static byte[] zeroOf(ScalarType scalar) {
    return switch (scalar.wireType()) {
      case WireReader.FIXED64 -> new byte[8];
      case WireReader.FIXED32 -> new byte[4];
      default -> new byte[1]; // varint 0, or a zero length
    };
  }

  /** One value: a scalar, or a nested message (null when its JSON form is null). */
  private JsonNode value(
      String typeName, ScalarType scalar, WireReader in, String where, int depth) {
    if (scalar != null) {
      return scalar.read(in);
    }
    return payload(typeName, in.readLengthDelimited(), where, depth);
  }

  /** A nested message from its payload (null when its JSON form is null). */
  private JsonNode payload(String typeName, WireReader nested, String where, int depth) {
    MessageType type = schema.message(typeName);
    return type.special()
        ? WellKnownTypes.decode(typeName, nested)
        : message(type, nested, where, depth + 1);
  }

  private static void set(ObjectNode out, Field field, JsonNode value) {
    String name = field.jsonName();
    if (value == null || (field.omitEmpty() && !field.pointer() && isEmpty(field, value))) {
      out.remove(name); // the last occurrence of a field wins
    } else if (value.isObject() && out.get(name) instanceof ObjectNode earlier) {
      earlier.setAll((ObjectNode) value); // a repeated singular message merges
    } else {
      out.set(name, value);
    }
  }

  private static boolean isEmpty(Field field, JsonNode value) {
    if (field.scalar() == null) {
      return WellKnownTypes.isUnset(field.typeName(), value);
    }
    if (value.isString()) {
      return value.asString().isEmpty();
    }
    if (value.isBoolean()) {
      return !value.booleanValue();
    }
    return value.isNumber() && value.doubleValue() == 0;
  }

  private static int wireType(Field field) {
    return field.scalar() == null ? WireReader.LENGTH_DELIMITED : field.scalar().wireType();
  }

  private static void expect(Field field, int actual, int expected, String where) {
    if (actual != expected) {
      throw new ProtobufDecodeException(
          "protobuf field "
              + where
              + " (number "
              + field.number()
              + ", "
              + field.typeName()
              + ") has wire type "
              + actual
              + ", expected "
              + expected);
    }
  }

  private static ObjectNode object(ObjectNode out, String name) {
    return out.get(name) instanceof ObjectNode existing ? existing : out.putObject(name);
  }

  private static ArrayNode array(ObjectNode out, String name) {
    return out.get(name) instanceof ArrayNode existing ? existing : out.putArray(name);
  }
}
