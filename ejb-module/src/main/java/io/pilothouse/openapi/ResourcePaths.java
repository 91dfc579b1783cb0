package io.pilothouse.openapi;

import io.pilothouse.registry.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The paths and operations kube-apiserver documents for one served resource: the collection ({@code
 * /api/v1/namespaces/{namespace}/pods}: list, create, delete collection), the object ({@code
 * .../pods/{name}}: read, replace, patch, delete), the list across namespaces ({@code
 * /api/v1/pods}) and each subresource ({@code status}, {@code scale}, {@code binding}, {@code
 * eviction}, {@code log}, {@code finalize}, {@code proxy}), with upstream's operation ids and
 * extensions.
 */
final class ResourcePaths {

  private static final Gvk SCALE = new Gvk("autoscaling", "v1", "Scale");
  private static final Gvk BINDING = new Gvk("", "v1", "Binding");
  private static final Gvk EVICTION = new Gvk("policy", "v1", "Eviction");

  private final ResourceType type;
  private final Kinds kinds;
  private final Gvk gvk;
  private final String prefix;
  private final String scope;

  ResourcePaths(ResourceType type, Kinds kinds) {
    this.type = type;
    this.kinds = kinds;
    this.gvk = new Gvk(type.group(), type.version(), type.kind());
    this.prefix = operationPrefix(type.group(), type.version());
    this.scope = type.namespaced() ? "Namespaced" : "";
  }

  /** {@code CoreV1}, {@code AppsV1}, {@code CoordinationV1}: the middle of upstream's ids. */
  static String operationPrefix(String group, String version) {
    String label = group.isEmpty() ? "core" : group.split("\\.")[0];
    return capitalize(label) + capitalize(version);
  }

  /** The paths of the resource, collection first, then the object, then its subresources. */
  List<ApiPath> paths() {
    List<ApiPath> paths = new ArrayList<>();
    paths.add(collection());
    paths.add(object());
    for (String subresource : new TreeSet<>(type.subresources())) {
      paths.addAll(subresource(subresource));
    }
    if (type.namespaced()) {
      paths.add(allNamespaces());
    }
    return paths;
  }

  private String base() {
    String root = type.group().isEmpty() ? "/api/" : "/apis/" + type.group() + "/";
    String namespace = type.namespaced() ? "/namespaces/{namespace}/" : "/";
    return root + type.version() + namespace + type.resource();
  }

  private List<ApiParameter> collectionParameters() {
    return type.namespaced()
        ? List.of(ApiParameter.NAMESPACE, ApiParameter.PRETTY)
        : List.of(ApiParameter.PRETTY);
  }

  private List<ApiParameter> objectParameters() {
    List<ApiParameter> parameters = new ArrayList<>();
    parameters.add(ApiParameter.path("name", "name of the " + type.kind()));
    parameters.addAll(collectionParameters());
    return parameters;
  }

  private ApiPath collection() {
    String kind = kinds.kind(type);
    String id = prefix + scope + type.kind();
    return new ApiPath(
        base(),
        collectionParameters(),
        List.of(
            ApiOperation.deleteCollection(
                "delete" + prefix + "Collection" + scope + type.kind(),
                "delete collection of " + type.kind(),
                gvk),
            ApiOperation.list(
                "list" + id, "list or watch objects of kind " + type.kind(), gvk, kinds.list(type)),
            ApiOperation.create("create" + id, "create " + article() + type.kind(), gvk, kind)));
  }

  private ApiPath object() {
    String kind = kinds.kind(type);
    String id = prefix + scope + type.kind();
    boolean deferred = type.resource().equals("pods") || type.resource().equals("namespaces");
    return new ApiPath(
        base() + "/{name}",
        objectParameters(),
        List.of(
            ApiOperation.delete(
                "delete" + id,
                "delete " + article() + type.kind(),
                gvk,
                deferred ? kind : SchemaNames.STATUS),
            ApiOperation.read("read" + id, "read the specified " + type.kind(), gvk, kind),
            ApiOperation.patch(
                "patch" + id, "partially update the specified " + type.kind(), gvk, kind),
            ApiOperation.replace(
                "replace" + id, "replace the specified " + type.kind(), gvk, kind)));
  }

  private ApiPath allNamespaces() {
    return new ApiPath(
        base().replace("namespaces/{namespace}/", ""),
        List.of(ApiParameter.PRETTY),
        List.of(
            ApiOperation.list(
                "list" + prefix + type.kind() + "ForAllNamespaces",
                "list or watch objects of kind " + type.kind(),
                gvk,
                kinds.list(type))));
  }

  private List<ApiPath> subresource(String name) {
    String path = base() + "/{name}/" + name;
    String id = prefix + scope + type.kind() + capitalize(name);
    String of = " of the specified " + type.kind();
    return switch (name) {
      case "status" -> List.of(readWrite(path, id, "status" + of, gvk, kinds.kind(type)));
      case "scale" -> List.of(readWrite(path, id, "scale" + of, SCALE, kinds.scale()));
      case "binding" -> List.of(post(path, "create" + id, "binding", BINDING, kinds.binding()));
      case "eviction" -> List.of(post(path, "create" + id, "eviction", EVICTION, kinds.eviction()));
      case "log" ->
          List.of(
              new ApiPath(
                  path,
                  objectParameters(),
                  List.of(
                      ApiOperation.text(
                          "get", "read" + id, "read log" + of, "get", gvk, ApiParameter.LOG))));
      case "finalize" ->
          List.of(
              new ApiPath(
                  path,
                  objectParameters(),
                  List.of(
                      ApiOperation.replace(
                          "replace" + id, "replace finalize" + of, gvk, kinds.kind(type)))));
      case "proxy" -> List.of(proxy(path, ""), proxy(path + "/{path}", "WithPath"));
      default -> List.of();
    };
  }

  private ApiPath readWrite(String path, String id, String what, Gvk served, String schema) {
    return new ApiPath(
        path,
        objectParameters(),
        List.of(
            ApiOperation.read("read" + id, "read " + what, served, schema),
            ApiOperation.patch("patch" + id, "partially update " + what, served, schema),
            ApiOperation.replace("replace" + id, "replace " + what, served, schema)));
  }

  private ApiPath post(String path, String id, String what, Gvk served, String schema) {
    String description = "create " + what + " of " + article() + type.kind();
    return new ApiPath(
        path, objectParameters(), List.of(ApiOperation.create(id, description, served, schema)));
  }

  private ApiPath proxy(String path, String suffix) {
    Gvk options = new Gvk(type.group(), type.version(), type.kind() + "ProxyOptions");
    List<ApiParameter> parameters = new ArrayList<>(objectParameters());
    parameters.remove(ApiParameter.PRETTY);
    parameters.add(
        suffix.isEmpty()
            ? ApiParameter.query("path", "string", "The URL path to use for the proxy.")
            : ApiParameter.path("path", "path to the resource"));
    List<ApiOperation> operations = new ArrayList<>();
    for (String method : List.of("delete", "get", "patch", "post", "put")) {
      String upper = method.toUpperCase(Locale.ROOT);
      operations.add(
          ApiOperation.text(
              method,
              "connect" + prefix + capitalize(method) + scope + type.kind() + "Proxy" + suffix,
              "connect " + upper + " requests to proxy of " + type.kind(),
              "connect",
              options,
              List.of()));
    }
    return new ApiPath(path, parameters, operations);
  }

  private String article() {
    return "AEIOU".indexOf(type.kind().charAt(0)) >= 0 ? "an " : "a ";
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
