package io.pilothouse.api.server;

import io.pilothouse.api.StatusException;
import io.pilothouse.api.StatusReasons;
import io.pilothouse.registry.Applied;
import io.pilothouse.registry.DeleteResult;
import io.pilothouse.registry.FieldValidator;
import io.pilothouse.registry.ListOptions;
import io.pilothouse.registry.ObjectRegistry;
import io.pilothouse.registry.Patched;
import io.pilothouse.registry.RegistryErrors;
import io.pilothouse.registry.ResourceType;
import io.pilothouse.registry.ResourceTypes;
import io.pilothouse.registry.WriteOptions;
import io.pilothouse.registry.patch.PatchType;
import io.pilothouse.watch.WatchService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a parsed API request into the registry call it asks for, as upstream's handlers do:
 * get/list/watch on GET, create on POST, update on PUT, patch on PATCH, delete and deletecollection
 * on DELETE, and the {@code status} subresource. Only protocol here; every rule lives in the
 * registry.
 */
@ApplicationScoped
public class ResourceRequests {

  @Inject ResourceTypes types;
  @Inject ObjectRegistry registry;
  @Inject WatchService watches;
  @Inject SubresourceRequests subresources;
  @Inject TableRepresentation tables;

  public Response get(RequestInfo info, MultivaluedMap<String, String> query, HttpHeaders headers) {
    return get(info, query, headers, null);
  }

  /** A GET; watches stream through {@code servletResponse} when given. */
  public Response get(
      RequestInfo info,
      MultivaluedMap<String, String> query,
      HttpHeaders headers,
      jakarta.servlet.http.HttpServletResponse servletResponse) {
    ResourceType type = type(info);
    if (info.subresource() != null) {
      return subresources.get(type, info, query, headers, servletResponse);
    }
    boolean table = Representations.wantsTable(headers);
    if (info.hasName()) {
      ObjectNode object = registry.get(type, info.namespace(), info.name());
      return Representations.ok(
          200, table ? tables.of(type, object, query, true) : object, headers);
    }
    ListOptions options = QueryOptions.list(type, query);
    if (info.watchPrefix() || QueryOptions.isWatch(query)) {
      refuseWebSocket(headers);
      WatchStream.EventEncoder encoder =
          table
              ? (object, first) -> tables.of(type, object, query, first)
              : (object, first) -> object;
      WatchStream stream =
          new WatchStream(
              type,
              watches.open(type, info.namespace(), options),
              encoder,
              options.allowBookmarks(),
              options.timeoutSeconds());
      stream.bookmarkEvery(watches.bookmarkInterval());
      if (servletResponse != null) {
        stream.through(servletResponse);
      }
      return Response.ok(stream, MediaType.APPLICATION_JSON_TYPE).build();
    }
    var list = registry.list(type, info.namespace(), options);
    return Representations.ok(
        200, table ? tables.of(list, query) : ListDocuments.of(list), headers);
  }

  /**
   * Watches are streamed over HTTP only. A client that asks for a WebSocket upgrade first (fabric8
   * does) gets an immediate 503, on which it falls back to an HTTP watch; answering with the stream
   * instead would leave it waiting for a handshake response that ends only with the watch.
   */
  private static void refuseWebSocket(HttpHeaders headers) {
    String upgrade = headers.getHeaderString("Upgrade");
    if (upgrade != null && upgrade.equalsIgnoreCase("websocket")) {
      throw new StatusException(
          503,
          StatusReasons.SERVICE_UNAVAILABLE,
          "watches are served as HTTP streams, not over WebSocket: watch without Upgrade");
    }
  }

  public Response post(
      RequestInfo info,
      MultivaluedMap<String, String> query,
      HttpHeaders headers,
      InputStream body) {
    ResourceType type = type(info);
    if (info.subresource() != null) {
      return subresources.post(type, info, query, headers, body);
    }
    if (info.hasName()) {
      throw RegistryErrors.methodNotAllowed("POST is not allowed on a named " + type.resource());
    }
    BodyReader.Body read = BodyReader.read(body, contentType(headers));
    WriteOptions options = QueryOptions.write(query, headers);
    List<String> warnings =
        FieldValidator.check(type, read.object(), read.duplicateFields(), options);
    return WarningHeaders.with(
        Representations.ok(
            201, registry.create(type, info.namespace(), read.object(), options), headers),
        warnings);
  }

  public Response put(
      RequestInfo info,
      MultivaluedMap<String, String> query,
      HttpHeaders headers,
      InputStream body) {
    ResourceType type = type(info);
    requireName(info);
    BodyReader.Body read = BodyReader.read(body, contentType(headers));
    if (info.subresource() == null) {
      WriteOptions options = QueryOptions.write(query, headers);
      List<String> warnings =
          FieldValidator.check(type, read.object(), read.duplicateFields(), options);
      return WarningHeaders.with(
          Representations.ok(
              200,
              registry.update(type, info.namespace(), info.name(), read.object(), options),
              headers),
          warnings);
    }
    return subresources.put(type, info, query, headers, read.object());
  }

  public Response patch(
      RequestInfo info,
      MultivaluedMap<String, String> query,
      HttpHeaders headers,
      InputStream body) {
    ResourceType type = type(info);
    requireName(info);
    if (PatchType.isApply(contentType(headers))) {
      return apply(type, info, query, headers, body);
    }
    PatchType patchType =
        PatchType.fromContentType(contentType(headers))
            .orElseThrow(
                () ->
                    new StatusException(
                        415,
                        StatusReasons.UNSUPPORTED_MEDIA_TYPE,
                        "the body of the request was in an unknown format - accepted media types"
                            + " include: application/json-patch+json,"
                            + " application/merge-patch+json,"
                            + " application/strategic-merge-patch+json"));
    String patch = BodyReader.text(body);
    if (info.subresource() != null && !info.subresource().equals("status")) {
      return subresources.patch(type, info, query, headers, patchType, patch);
    }
    boolean status = "status".equals(info.subresource());
    Patched patched =
        registry.patchWithWarnings(
            type,
            info.namespace(),
            info.name(),
            patchType,
            patch,
            status,
            QueryOptions.patch(query, headers));
    return WarningHeaders.with(
        Representations.ok(200, patched.object(), headers), patched.warnings());
  }

  /**
   * A server-side apply ({@code application/apply-patch+yaml}) of the main resource: 201 when it
   * created the object, 200 otherwise.
   */
  private Response apply(
      ResourceType type,
      RequestInfo info,
      MultivaluedMap<String, String> query,
      HttpHeaders headers,
      InputStream body) {
    if (info.subresource() != null) {
      throw new StatusException(
          415,
          StatusReasons.UNSUPPORTED_MEDIA_TYPE,
          "server-side apply is served on the main resource only, not on "
              + type.resource()
              + "/"
              + info.subresource());
    }
    WriteOptions options = QueryOptions.apply(query);
    BodyReader.Body read = BodyReader.read(body, "application/yaml");
    List<String> warnings =
        FieldValidator.check(type, read.object(), read.duplicateFields(), options);
    Applied applied = registry.apply(type, info.namespace(), info.name(), read.object(), options);
    return WarningHeaders.with(
        Representations.ok(applied.created() ? 201 : 200, applied.object(), headers), warnings);
  }

  public Response delete(
      RequestInfo info,
      MultivaluedMap<String, String> query,
      HttpHeaders headers,
      InputStream body) {
    ResourceType type = type(info);
    byte[] raw = BodyReader.bytes(body);
    ObjectNode options =
        raw.length == 0 || new String(raw, java.nio.charset.StandardCharsets.UTF_8).isBlank()
            ? null
            : BodyReader.object(new java.io.ByteArrayInputStream(raw), contentType(headers));
    if (!info.hasName()) {
      return Representations.ok(
          200,
          ListDocuments.of(
              registry.deleteCollection(
                  type,
                  info.namespace(),
                  QueryOptions.list(type, query),
                  QueryOptions.delete(query, options))),
          headers);
    }
    DeleteResult result =
        registry.delete(type, info.namespace(), info.name(), QueryOptions.delete(query, options));
    return Representations.ok(result.deleted() ? 200 : 202, result.object(), headers);
  }

  private ResourceType type(RequestInfo info) {
    ResourceType type =
        types
            .find(info.group(), info.version(), info.resource())
            .orElseThrow(
                () ->
                    new StatusException(
                        404,
                        StatusReasons.NOT_FOUND,
                        "the server could not find the requested resource"));
    if (type.namespaced() && info.hasName() && info.namespace() == null) {
      throw new StatusException(
          404, StatusReasons.NOT_FOUND, "the server could not find the requested resource");
    }
    if (info.subresource() != null && !type.hasSubresource(info.subresource())) {
      throw new StatusException(
          404, StatusReasons.NOT_FOUND, "the server could not find the requested resource");
    }
    return type;
  }

  private static void requireName(RequestInfo info) {
    if (!info.hasName()) {
      throw RegistryErrors.methodNotAllowed("the collection does not accept this method");
    }
  }

  private static String contentType(HttpHeaders headers) {
    MediaType type = headers.getMediaType();
    return type == null ? MediaType.APPLICATION_JSON : type.toString();
  }
}
