package io.pilothouse.protobuf;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Kubernetes protobuf messages this server decodes, read once from the generated {@link
 * ProtobufSchemaTable}: for each message its fields by number, and which message an envelope's
 * {@code apiVersion}/{@code kind} names. Immutable and shared.
 */
final class ProtobufSchema {

  /**
   * A field of a message: its JSON name ({@code null} when {@code inline}), its type (a {@link
   * ScalarType}, or else the name of a message), whether repeated, or a map with string keys and
   * values of the type, and the Go JSON tags that decide what an absent-in-JSON value is.
   */
  record Field(
      int number,
      String jsonName,
      String typeName,
      ScalarType scalar,
      boolean repeated,
      boolean map,
      boolean omitEmpty,
      boolean pointer,
      boolean inline) {}

  /** A message: its fields by number; {@code special} ones have a JSON form of their own. */
  record MessageType(String name, boolean special, Map<Integer, Field> fields) {}

  private static final ProtobufSchema INSTANCE = parse(String.join("", ProtobufSchemaTable.CHUNKS));

  private final Map<String, MessageType> messages;
  private final Map<String, String> roots;

  private ProtobufSchema(Map<String, MessageType> messages, Map<String, String> roots) {
    this.messages = messages;
    this.roots = roots;
  }

  /** The schema generated from upstream's {@code generated.proto} files. */
  static ProtobufSchema get() {
    return INSTANCE;
  }

  /** The message named so ({@code core.v1.Pod}); fails if the table has none. */
  MessageType message(String name) {
    MessageType type = messages.get(name);
    if (type == null) {
      throw new IllegalStateException("no protobuf message " + name + " in the schema table");
    }
    return type;
  }

  /** The message of objects of this {@code apiVersion} and {@code kind}, if served. */
  Optional<MessageType> root(String apiVersion, String kind) {
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    String version = apiVersion.substring(slash + 1);
    String name = roots.get(group + "/" + version + "/" + kind);
    if (name == null) {
      name = roots.get("*/*/" + kind);
    }
    return Optional.ofNullable(name).map(this::message);
  }

  /** The number of messages in the table. */
  int size() {
    return messages.size();
  }

  static ProtobufSchema parse(String table) {
    Map<String, MessageType> messages = new HashMap<>();
    Map<String, String> roots = new HashMap<>();
    Map<Integer, Field> fields = null;
    for (String line : table.split("\n")) {
      String[] part = line.trim().split(" ");
      if (part[0].isEmpty()) {
        continue;
      }
      if (part[0].equals("R")) {
        roots.put((part[1].equals("-") ? "" : part[1]) + "/" + part[2] + "/" + part[3], part[4]);
      } else if (part[0].startsWith("=")) {
        String name = part[0].substring(1);
        boolean special = part.length > 1 && part[1].equals("!");
        fields = special ? Map.of() : new LinkedHashMap<>();
        messages.put(name, new MessageType(name, special, Collections.unmodifiableMap(fields)));
      } else {
        Field field = field(part);
        fields.put(field.number(), field);
      }
    }
    for (MessageType type : messages.values()) {
      for (Field field : type.fields().values()) {
        if (field.scalar() == null && !messages.containsKey(field.typeName())) {
          throw new IllegalStateException(type.name() + " refers to unknown " + field.typeName());
        }
      }
    }
    for (String root : roots.values()) {
      if (!messages.containsKey(root)) {
        throw new IllegalStateException("unknown root message " + root);
      }
    }
    return new ProtobufSchema(Map.copyOf(messages), Map.copyOf(roots));
  }

  private static Field field(String[] part) {
    String flags = part[3];
    return new Field(
        Integer.parseInt(part[0]),
        part[1].equals("-") ? null : part[1],
        part[2],
        ScalarType.forProtoName(part[2]),
        flags.indexOf('r') >= 0,
        flags.indexOf('m') >= 0,
        flags.indexOf('o') >= 0,
        flags.indexOf('p') >= 0,
        flags.indexOf('i') >= 0);
  }
}
