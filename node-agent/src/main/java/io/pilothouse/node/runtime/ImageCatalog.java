package io.pilothouse.node.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The process runtime's stand-in for an image store: maps image names to the host command that
 * plays the image's ENTRYPOINT and CMD (see the bundled {@code image-catalog.yaml} for the format).
 * An image with no entry is "not found" and its container waits in {@code ErrImagePull}.
 */
public final class ImageCatalog {

  /** One image: what it runs, the env it sets and the port it serves by default. */
  public record Entry(
      String key,
      List<String> entrypoint,
      List<String> cmd,
      Map<String, String> env,
      String workingDir,
      Integer defaultPort) {}

  static final String DEFAULT_RESOURCE = "image-catalog.yaml";

  private final Map<String, Entry> byName;
  private final String source;

  private ImageCatalog(Map<String, Entry> byName, String source) {
    this.byName = byName;
    this.source = source;
  }

  /** The catalog shipped in the jar. */
  public static ImageCatalog defaults() {
    try (InputStream in = ImageCatalog.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("bundled " + DEFAULT_RESOURCE + " is missing");
      }
      return parse(
          new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), "built-in");
    } catch (IOException e) {
      throw new IllegalStateException("cannot read bundled " + DEFAULT_RESOURCE, e);
    }
  }

  /** Reads a user catalog; a clear {@link IllegalArgumentException} when it is malformed. */
  public static ImageCatalog load(Path file) {
    try {
      return parse(Files.readString(file), file.toString());
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read image catalog " + file + ": " + e.getMessage());
    }
  }

  /** The bundled catalog's text, for users who want a copy to edit. */
  public static String defaultText() {
    try (InputStream in = ImageCatalog.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("cannot read bundled " + DEFAULT_RESOURCE, e);
    }
  }

  static ImageCatalog parse(String yaml, String source) {
    JsonNode root;
    try {
      root = new YAMLMapper().readTree(yaml);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "image catalog " + source + " is not valid YAML: " + e.getOriginalMessage());
    }
    JsonNode images = root == null ? null : root.get("images");
    if (images == null || !images.isArray()) {
      throw new IllegalArgumentException("image catalog " + source + " has no 'images:' list");
    }
    Map<String, Entry> byName = new LinkedHashMap<>();
    int index = 0;
    for (JsonNode node : images) {
      index++;
      List<String> names = strings(node.get("names"));
      if (names.isEmpty()) {
        throw new IllegalArgumentException(
            "image catalog " + source + ": entry " + index + " has no 'names'");
      }
      Entry entry =
          new Entry(
              names.get(0),
              strings(node.get("entrypoint")),
              strings(node.get("cmd")),
              stringMap(node.get("env")),
              node.hasNonNull("workingDir") ? node.get("workingDir").asString() : null,
              node.hasNonNull("defaultPort") ? node.get("defaultPort").asInt() : null);
      for (String name : names) {
        byName.put(name, entry);
      }
    }
    return new ImageCatalog(byName, source);
  }

  public String source() {
    return source;
  }

  /** Finds the entry for an image reference, trying the forms listed in the catalog's header. */
  public Optional<Entry> lookup(String image) {
    if (image == null || image.isBlank()) {
      return Optional.empty();
    }
    for (String candidate : candidates(image.trim())) {
      Entry entry = byName.get(candidate);
      if (entry != null) {
        return Optional.of(entry);
      }
    }
    return Optional.empty();
  }

  static List<String> candidates(String image) {
    List<String> out = new ArrayList<>();
    out.add(image);
    String name = image;
    int at = name.indexOf('@');
    if (at >= 0) {
      name = name.substring(0, at);
    }
    int slash = name.lastIndexOf('/');
    int colon = name.lastIndexOf(':');
    String tag = "";
    if (colon > slash) {
      tag = name.substring(colon);
      name = name.substring(0, colon);
    }
    String withoutRegistry = name;
    int first = name.indexOf('/');
    if (first > 0) {
      String head = name.substring(0, first);
      if (head.contains(".") || head.contains(":") || head.equals("localhost")) {
        withoutRegistry = name.substring(first + 1);
      }
    }
    if (withoutRegistry.startsWith("library/")) {
      withoutRegistry = withoutRegistry.substring("library/".length());
    }
    out.add(withoutRegistry + tag);
    out.add(name);
    out.add(withoutRegistry);
    out.add(withoutRegistry.substring(withoutRegistry.lastIndexOf('/') + 1));
    return out;
  }

  private static List<String> strings(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (node.isArray()) {
      node.forEach(item -> out.add(item.asString()));
    } else {
      out.add(node.asString());
    }
    return out;
  }

  private static Map<String, String> stringMap(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node != null && node.isObject()) {
      node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asString()));
    }
    return out;
  }
}
