package io.pilothouse.api.server;

import io.pilothouse.openapi.OpenApiV2;
import io.pilothouse.openapi.OpenApiV3;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Serves {@code /openapi/v3}, {@code /openapi/v3/<group-version>} and {@code /openapi/v2} as
 * kube-apiserver does: ETags, immutable caching for a matching {@code hash}, a redirect to the
 * current hash otherwise, JSON only (406 for protobuf-only clients such as kubectl's v2 fallback).
 * A servlet filter rather than a JAX-RS resource because Payara registers its own MicroProfile
 * OpenAPI servlet under {@code /openapi}; the filter answers first.
 */
@WebFilter(urlPatterns = {"/openapi/*", "/openapi"})
public class OpenApiFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final String V3 = "/openapi/v3";

  @Inject transient OpenApiV3 v3;
  @Inject transient OpenApiV2 v2;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!"GET".equals(request.getMethod())) {
      StatusWriter.write(response, 405, "MethodNotAllowed", "only GET is served here");
    } else if (path.equals(V3) || path.equals(V3 + "/")) {
      send(request, response, Optional.of(v3.rootJson()), v3.rootHash(), false);
    } else if (path.startsWith(V3 + "/")) {
      document(request, response, path.substring(V3.length() + 1));
    } else if (path.equals("/openapi/v2")) {
      send(request, response, Optional.of(v2.json()), v2.hash(), false);
    } else {
      StatusWriter.write(
          response, 404, "NotFound", "the server could not find the requested resource");
    }
  }

  private void document(HttpServletRequest request, HttpServletResponse response, String path)
      throws IOException {
    Optional<String> current = v3.hash(path);
    String asked = request.getParameter("hash");
    if (current.isPresent() && asked != null && !asked.isEmpty() && !asked.equals(current.get())) {
      response.setStatus(301);
      response.setHeader("Location", OpenApiV3.URL_PREFIX + path + "?hash=" + current.get());
      return;
    }
    boolean immutable = current.isPresent() && current.get().equals(asked);
    send(request, response, v3.json(path), current.orElse(""), immutable);
  }

  private static void send(
      HttpServletRequest request,
      HttpServletResponse response,
      Optional<byte[]> body,
      String hash,
      boolean immutable)
      throws IOException {
    if (body.isEmpty()) {
      StatusWriter.write(
          response, 404, "NotFound", "the server could not find the requested resource");
      return;
    }
    if (!acceptsJson(request.getHeader("Accept"))) {
      StatusWriter.write(
          response, 406, "NotAcceptable", "only application/json is served for OpenAPI documents");
      return;
    }
    String etag = "\"" + hash + "\"";
    response.setHeader("ETag", etag);
    response.setHeader("Vary", "Accept");
    if (immutable) {
      response.setHeader("Cache-Control", "public, immutable");
      response.setDateHeader("Expires", System.currentTimeMillis() + 365L * 24 * 3600 * 1000);
    }
    if (etag.equals(request.getHeader("If-None-Match"))) {
      response.setStatus(304);
      return;
    }
    response.setStatus(200);
    response.setContentType("application/json");
    response.setContentLength(body.get().length);
    response.getOutputStream().write(body.get());
  }

  private static boolean acceptsJson(String accept) {
    if (accept == null || accept.isBlank()) {
      return true;
    }
    for (String part : accept.split(",")) {
      String type = part.split(";")[0].trim();
      if (type.equals("*/*") || type.equals("application/*") || type.equals("application/json")) {
        return true;
      }
    }
    return false;
  }
}
