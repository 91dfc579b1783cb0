package io.pilothouse.openapi;

import io.pilothouse.json.KubernetesJson;
import io.pilothouse.registry.ResourceTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI v3 documents of kube-apiserver: {@code /openapi/v3}, the discovery document naming
 * each group version's document with a {@code hash}, and {@code /openapi/v3/api/v1}, {@code
 * /openapi/v3/apis/apps/v1}... each the paths, operations and schemas of one group version. kubectl
 * reads them to learn that the server validates fields ({@code fieldValidation} on PATCH), to
 * compute {@code kubectl apply}'s strategic merge patches (merge keys) and for {@code kubectl
 * explain}. Computed once, on first use, and kept; thread-safe.
 */
@ApplicationScoped
public class OpenApiV3 {

  /** The prefix of every document's URL, as the discovery document's URLs carry it. */
  public static final String URL_PREFIX = "/openapi/v3/";

  private ResourceTypes types;
  private volatile Documents documents;

  private record Documents(RenderedDocument root, Map<String, RenderedDocument> byPath) {}

  /** For CDI's proxy only. */
  protected OpenApiV3() {}

  /** The documents of what {@code types} serves. */
  @Inject
  public OpenApiV3(ResourceTypes types) {
    this.types = types;
  }

  /** The discovery document: {@code {"paths": {"api/v1": {"serverRelativeURL": ...}}}}. */
  public ObjectNode root() {
    return documents().root().copy();
  }

  /** The discovery document as JSON bytes, ready to send. */
  public byte[] rootJson() {
    return documents().root().jsonCopy();
  }

  /** The hash of the discovery document, its ETag. */
  public String rootHash() {
    return documents().root().hash();
  }

  /**
   * The document of one group version, by the path the discovery document names it with ({@code
   * api/v1}, {@code apis/apps/v1}; a leading {@code /} or {@code /openapi/v3/} is ignored).
   */
  public Optional<ObjectNode> document(String path) {
    return find(path).map(RenderedDocument::copy);
  }

  /** The document of one group version as JSON bytes, ready to send. */
  public Optional<byte[]> json(String path) {
    return find(path).map(RenderedDocument::jsonCopy);
  }

  /** The hash of one group version's document: its ETag and its URL's {@code hash} parameter. */
  public Optional<String> hash(String path) {
    return find(path).map(RenderedDocument::hash);
  }

  /** The group version paths served, {@code api/v1} first. */
  public List<String> paths() {
    return List.copyOf(documents().byPath().keySet());
  }

  private Optional<RenderedDocument> find(String path) {
    String key = path.startsWith("/") ? path.substring(1) : path;
    key = key.startsWith(URL_PREFIX.substring(1)) ? key.substring(URL_PREFIX.length() - 1) : key;
    return Optional.ofNullable(documents().byPath().get(key));
  }

  private Documents documents() {
    Documents result = documents;
    if (result == null) {
      synchronized (this) {
        result = documents;
        if (result == null) {
          result = build(ApiModel.of(types));
          documents = result;
        }
      }
    }
    return result;
  }

  private static Documents build(ApiModel model) {
    Map<String, RenderedDocument> byPath = new TreeMap<>();
    model
        .groupVersions()
        .forEach(
            (key, paths) ->
                byPath.put(
                    key,
                    RenderedDocument.of(
                        V3Renderer.document(
                            paths,
                            model.catalog().closure(ApiModel.schemasOf(paths)),
                            ApiModel.tag(key)))));
    ObjectNode root = KubernetesJson.mapper().createObjectNode();
    ObjectNode entries = root.putObject("paths");
    byPath.forEach(
        (key, document) ->
            entries
                .putObject(key)
                .put("serverRelativeURL", URL_PREFIX + key + "?hash=" + document.hash()));
    return new Documents(RenderedDocument.of(root), byPath);
  }
}
