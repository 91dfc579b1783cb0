package io.pilothouse.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Finds the fields of a request body that its kind does not have, for {@code
 * fieldValidation=Strict} ({@code strict decoding error: unknown field "spec.foo"}), and removes
 * them before an object is stored. The kind's schema is the fabric8 model class: its
 * {@code @JsonProperty} fields, followed through lists and maps; {@code Quantity}, {@code
 * IntOrString} and free-form values end the walk.
 */
public final class UnknownFields {

  private static final Map<Class<?>, Map<String, Type>> PROPERTIES = new ConcurrentHashMap<>();

  private UnknownFields() {}

  /** The unknown fields' paths, upstream style ({@code spec.containers[0].foo}), in body order. */
  public static List<String> find(JsonNode body, Class<?> kind) {
    List<String> unknown = new ArrayList<>();
    walk(body, kind, "", unknown, false);
    return unknown;
  }

  /**
   * Removes the unknown fields from {@code body}, as kube-apiserver's decoding into the kind's Go
   * type drops them: an object never stores a field its kind does not have. Returns their paths.
   */
  public static List<String> prune(JsonNode body, Class<?> kind) {
    List<String> unknown = new ArrayList<>();
    walk(body, kind, "", unknown, true);
    return unknown;
  }

  private static void walk(
      JsonNode node, Type type, String path, List<String> unknown, boolean prune) {
    if (node == null || node.isNull()) {
      return;
    }
    Class<?> raw = rawClass(type);
    if (node.isArray() && List.class.isAssignableFrom(raw)) {
      Type element = typeArgument(type, 0);
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), element, path + "[" + i + "]", unknown, prune);
      }
    } else if (node.isObject() && Map.class.isAssignableFrom(raw)) {
      Type value = typeArgument(type, 1);
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        walk(entry.getValue(), value, join(path, entry.getKey()), unknown, prune);
      }
    } else if (node.isObject() && isModel(raw)) {
      Map<String, Type> properties = properties(raw);
      List<String> drop = new ArrayList<>();
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        Type property = properties.get(entry.getKey());
        String field = join(path, entry.getKey());
        if (property == null) {
          unknown.add(field);
          drop.add(entry.getKey());
        } else {
          walk(entry.getValue(), property, field, unknown, prune);
        }
      }
      if (prune && node instanceof ObjectNode object) {
        drop.forEach(object::remove);
      }
    }
  }

  /**
   * fabric8's generated model classes; everything else (Quantity, Object...) is free-form, and so
   * is {@code FieldsV1}, upstream's raw JSON of managed field paths.
   */
  private static boolean isModel(Class<?> type) {
    return type.getName().startsWith("io.fabric8.kubernetes.api.model")
        && !type.getSimpleName().equals("Quantity")
        && !type.getSimpleName().equals("FieldsV1")
        && !type.getSimpleName().equals("IntOrString")
        && !type.isEnum();
  }

  private static Map<String, Type> properties(Class<?> type) {
    return PROPERTIES.computeIfAbsent(
        type,
        t -> {
          Map<String, Type> properties = new ConcurrentHashMap<>();
          for (Class<?> c = t; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
              JsonProperty json = field.getAnnotation(JsonProperty.class);
              if (json != null && !Modifier.isStatic(field.getModifiers())) {
                String name = json.value().isEmpty() ? field.getName() : json.value();
                properties.putIfAbsent(name, field.getGenericType());
              }
            }
          }
          properties.putIfAbsent("apiVersion", String.class);
          properties.putIfAbsent("kind", String.class);
          return properties;
        });
  }

  private static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    return Object.class;
  }

  private static Type typeArgument(Type type, int index) {
    if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
      return p.getActualTypeArguments()[index];
    }
    return Object.class;
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
