package io.pilothouse.openapi;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.pilothouse.json.KubernetesJson;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.time.temporal.Temporal;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every schema the OpenAPI documents can name, in OpenAPI v3 form: generated once by reflection
 * over the fabric8 model classes (Jackson property names, Java types mapped to OpenAPI types, other
 * model classes referenced through {@code allOf: [{$ref}]} as kube-apiserver does), completed with
 * {@link UpstreamTraits} (list and patch semantics, required fields, {@code metav1.Time}) and
 * {@link UpstreamDescriptions}. A document takes the {@link #closure} of the schemas its paths
 * name.
 */
final class SchemaCatalog {

  static final String REF_PREFIX = "#/components/schemas/";

  private final Map<String, ObjectNode> schemas = new TreeMap<>();

  /** Adds the schema of {@code type} and of every type it reaches; returns its name. */
  String add(Class<?> type) {
    String name = SchemaNames.of(type).orElseThrow(() -> new IllegalArgumentException("" + type));
    if (!schemas.containsKey(name)) {
      ObjectNode special = SpecialSchemas.get(name).orElse(null);
      schemas.put(name, special != null ? special : object(name, type));
    }
    return name;
  }

  /** Adds a hand-written schema and every schema it names. */
  void addSpecial(String name) {
    if (schemas.containsKey(name)) {
      return;
    }
    ObjectNode schema = SpecialSchemas.get(name).orElseThrow();
    schemas.put(name, schema);
    Set<String> refs = new TreeSet<>();
    collectRefs(schema, refs);
    refs.stream().filter(SpecialSchemas::has).forEach(this::addSpecial);
  }

  /** Adds a schema built elsewhere, unless one of that name is there already. */
  void put(String name, ObjectNode schema) {
    schemas.putIfAbsent(name, schema);
  }

  /** The schema named {@code name}, for this catalog's owner to annotate. */
  ObjectNode get(String name) {
    ObjectNode schema = schemas.get(name);
    if (schema == null) {
      throw new IllegalArgumentException("no schema " + name);
    }
    return schema;
  }

  /** The named schemas and all they reference, by name, sorted as upstream sorts them. */
  Map<String, ObjectNode> closure(Collection<String> roots) {
    Map<String, ObjectNode> result = new TreeMap<>();
    Deque<String> pending = new ArrayDeque<>(roots);
    while (!pending.isEmpty()) {
      String name = pending.pop();
      if (result.containsKey(name)) {
        continue;
      }
      ObjectNode schema = get(name);
      result.put(name, schema);
      Set<String> refs = new TreeSet<>();
      collectRefs(schema, refs);
      pending.addAll(refs);
    }
    return result;
  }

  /** Every {@code $ref} target below {@code node}, without the {@code #/components/schemas/}. */
  static void collectRefs(JsonNode node, Set<String> into) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isString()) {
        into.add(ref.asString().substring(REF_PREFIX.length()));
      }
    }
    if (node.isContainer()) {
      for (JsonNode child : node.values()) {
        collectRefs(child, into);
      }
    }
  }

  private ObjectNode object(String name, Class<?> type) {
    ObjectNode schema = KubernetesJson.mapper().createObjectNode();
    schemas.put(name, schema); // before the properties, so that cycles end here
    UpstreamDescriptions.of(name, "").ifPresent(d -> schema.put("description", d));
    Map<String, ObjectNode> properties = new TreeMap<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        jsonName(field)
            .ifPresent(json -> properties.putIfAbsent(json, property(name, json, field)));
      }
    }
    if (!properties.isEmpty()) {
      schema.putObject("properties").setAll(properties);
    }
    List<String> required =
        UpstreamTraits.required(name).stream().filter(properties::containsKey).toList();
    if (!required.isEmpty()) {
      ArrayNode array = schema.putArray("required");
      required.forEach(array::add);
    }
    schema.put("type", "object");
    UpstreamTraits.field(name, "").writeExtensions(schema);
    return schema;
  }

  private ObjectNode property(String owner, String json, Field field) {
    FieldTraits traits = UpstreamTraits.field(owner, json);
    ObjectNode schema = KubernetesJson.mapper().createObjectNode();
    String description = UpstreamDescriptions.of(owner, json).orElse(null);
    if (traits.ref() != null) {
      addSpecial(traits.ref());
      refProperty(schema, traits.ref(), description);
    } else if ("byte".equals(traits.format())) {
      describe(schema, description).put("format", "byte").put("type", "string");
    } else if ("mapbyte".equals(traits.format())) {
      describe(schema, description)
          .put("type", "object")
          .putObject("additionalProperties")
          .put("format", "byte")
          .put("type", "string");
    } else {
      ObjectNode typed = typeSchema(field.getGenericType());
      if (typed.has("$ref")) {
        refProperty(
            schema, typed.get("$ref").asString().substring(REF_PREFIX.length()), description);
      } else {
        describe(schema, description).setAll(typed);
      }
    }
    traits.writeExtensions(schema);
    return schema;
  }

  private static void refProperty(ObjectNode schema, String target, String description) {
    schema.putArray("allOf").addObject().put("$ref", REF_PREFIX + target);
    describe(schema, description);
  }

  private static ObjectNode describe(ObjectNode schema, String description) {
    if (description != null) {
      schema.put("description", description);
    }
    return schema;
  }

  /** The schema of a Java type: a primitive, an array, a map, or a {@code $ref}. */
  private ObjectNode typeSchema(Type type) {
    ObjectNode schema = KubernetesJson.mapper().createObjectNode();
    if (type instanceof ParameterizedType parameterized) {
      Class<?> raw = (Class<?>) parameterized.getRawType();
      Type[] args = parameterized.getActualTypeArguments();
      if (Collection.class.isAssignableFrom(raw)) {
        schema.set("items", typeSchema(args[0]));
        return schema.put("type", "array");
      }
      if (Map.class.isAssignableFrom(raw)) {
        schema.set("additionalProperties", typeSchema(args[1]));
        return schema.put("type", "object");
      }
      return typeSchema(raw);
    }
    if (type instanceof WildcardType wildcard) {
      return typeSchema(wildcard.getUpperBounds()[0]);
    }
    if (type instanceof Class<?> c) {
      return classSchema(c, schema);
    }
    return schema.put("type", "object");
  }

  private ObjectNode classSchema(Class<?> c, ObjectNode schema) {
    if (c == String.class || c == Character.class || c == char.class || c.isEnum()) {
      return schema.put("type", "string");
    }
    if (c == Integer.class || c == int.class || c == Short.class || c == short.class) {
      return schema.put("format", "int32").put("type", "integer");
    }
    if (c == Long.class || c == long.class) {
      return schema.put("format", "int64").put("type", "integer");
    }
    if (Number.class.isAssignableFrom(c) || c == double.class || c == float.class) {
      return schema.put("format", "double").put("type", "number");
    }
    if (c == Boolean.class || c == boolean.class) {
      return schema.put("type", "boolean");
    }
    if (c == byte[].class) {
      return schema.put("format", "byte").put("type", "string");
    }
    if (Temporal.class.isAssignableFrom(c) || Date.class.isAssignableFrom(c)) {
      addSpecial(SchemaNames.TIME);
      return schema.put("$ref", REF_PREFIX + SchemaNames.TIME);
    }
    if (c.isArray()) {
      schema.set("items", typeSchema(c.getComponentType()));
      return schema.put("type", "array");
    }
    if (SchemaNames.isModel(c) && !c.isInterface() && !c.getSimpleName().equals("AnyType")) {
      return schema.put("$ref", REF_PREFIX + add(c));
    }
    return schema.put("type", "object");
  }

  /** The JSON name Jackson writes a fabric8 field under, or empty if it writes none. */
  private static Optional<String> jsonName(Field field) {
    int modifiers = field.getModifiers();
    if (Modifier.isStatic(modifiers)
        || Modifier.isTransient(modifiers)
        || field.isAnnotationPresent(JsonIgnore.class)
        || field.getName().equals("additionalProperties")) {
      return Optional.empty();
    }
    JsonProperty property = field.getAnnotation(JsonProperty.class);
    return Optional.of(
        property == null || property.value().isEmpty() ? field.getName() : property.value());
  }
}
