package io.pilothouse.api.server;

import io.pilothouse.api.StatusException;
import io.pilothouse.api.StatusReasons;
import io.pilothouse.json.KubernetesJson;
import io.pilothouse.registry.DeleteOptions;
import io.pilothouse.registry.ObjectRegistry;
import io.pilothouse.registry.ResourceType;
import io.pilothouse.registry.patch.PatchType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import tools.jackson.databind.node.ObjectNode;

/**
 * The subresources: {@code status} (get, put), {@code scale} (get, put, patch), {@code
 * pods/binding} and {@code pods/eviction} (post), {@code namespaces/finalize} (put), {@code
 * pods/log} (get, proxied to the node's kubelet).
 */
@ApplicationScoped
public class SubresourceRequests {

  @Inject ObjectRegistry registry;
  @Inject PodLogs logs;

  Response get(
      ResourceType type,
      RequestInfo info,
      MultivaluedMap<String, String> query,
      HttpHeaders h,
      jakarta.servlet.http.HttpServletResponse servletResponse) {
    return switch (info.subresource()) {
      case "status" ->
          Representations.ok(200, registry.get(type, info.namespace(), info.name()), h);
      case "scale" ->
          Representations.ok(200, registry.getScale(type, info.namespace(), info.name()), h);
      case "log" -> logs.stream(info.namespace(), info.name(), query, servletResponse);
      default -> throw notAllowed(info);
    };
  }

  Response post(
      ResourceType type,
      RequestInfo info,
      MultivaluedMap<String, String> query,
      HttpHeaders h,
      InputStream body) {
    ObjectNode object = BodyReader.object(body, contentType(h));
    return switch (info.subresource()) {
      case "binding" -> {
        registry.bind(type, info.namespace(), info.name(), object);
        yield Representations.ok(201, success(), h);
      }
      case "eviction" -> {
        ObjectNode deleteOptions =
            object.get("deleteOptions") instanceof ObjectNode options ? options : null;
        DeleteOptions options = QueryOptions.delete(query, deleteOptions);
        registry.evict(type, info.namespace(), info.name(), options);
        yield Representations.ok(201, success(), h);
      }
      default -> throw notAllowed(info);
    };
  }

  Response put(
      ResourceType type,
      RequestInfo info,
      MultivaluedMap<String, String> query,
      HttpHeaders h,
      ObjectNode body) {
    return switch (info.subresource()) {
      case "status" ->
          Representations.ok(
              200,
              registry.updateStatus(
                  type, info.namespace(), info.name(), body, QueryOptions.write(query, h)),
              h);
      case "scale" ->
          Representations.ok(
              200,
              registry.updateScale(
                  type, info.namespace(), info.name(), body, QueryOptions.write(query, h)),
              h);
      case "finalize" ->
          Representations.ok(200, registry.finalizeNamespace(type, info.name(), body), h);
      default -> throw notAllowed(info);
    };
  }

  Response patch(
      ResourceType type,
      RequestInfo info,
      MultivaluedMap<String, String> query,
      HttpHeaders h,
      PatchType patchType,
      String patch) {
    if (!info.subresource().equals("scale")) {
      throw notAllowed(info);
    }
    return Representations.ok(
        200,
        registry.patchScale(
            type, info.namespace(), info.name(), patchType, patch, QueryOptions.patch(query, h)),
        h);
  }

  private static ObjectNode success() {
    ObjectNode status = KubernetesJson.mapper().createObjectNode();
    status.put("kind", "Status");
    status.put("apiVersion", "v1");
    status.putObject("metadata");
    status.put("status", "Success");
    status.put("code", 201);
    return status;
  }

  private static StatusException notAllowed(RequestInfo info) {
    return new StatusException(
        405,
        StatusReasons.METHOD_NOT_ALLOWED,
        "the server does not allow this method on the requested resource ("
            + info.resource()
            + "/"
            + info.subresource()
            + ")");
  }

  private static String contentType(HttpHeaders headers) {
    return headers.getMediaType() == null ? "application/json" : headers.getMediaType().toString();
  }
}
