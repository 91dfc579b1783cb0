package io.pilothouse.api.resources;

import io.pilothouse.api.StatusException;
import io.pilothouse.api.StatusReasons;
import io.pilothouse.api.server.Representations;
import io.pilothouse.api.server.RequestInfo;
import io.pilothouse.api.server.ResourceRequests;
import io.pilothouse.discovery.DiscoveryDocuments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;

/**
 * The core group, {@code /api}: discovery and every {@code /api/v1/...} resource path. One instance
 * serves every request ({@link ApplicationScoped}; the {@code @Context} fields are Jersey's
 * per-request proxies): a request-scoped resource cost Jersey a fresh CDI instance and an injection
 * analysis on every call, 5–10 % of a write's CPU.
 */
@ApplicationScoped
@Path("api")
public class CoreApiResource {

  @Inject DiscoveryDocuments discovery;
  @Inject ResourceRequests requests;
  @Context UriInfo uri;
  @Context HttpHeaders headers;
  @Context HttpServletRequest request;
  @Context HttpServletResponse response;

  @GET
  public Response versions() {
    return Representations.ok(200, discovery.coreVersions(), headers);
  }

  @GET
  @Path("{version}")
  public Response resources(@PathParam("version") String version) {
    return Representations.ok(
        200,
        discovery
            .resources("", version)
            .orElseThrow(
                () ->
                    new StatusException(
                        404,
                        StatusReasons.NOT_FOUND,
                        "the server could not find the requested resource")),
        headers);
  }

  @GET
  @Path("{version}/{path: .+}")
  public Response get(@PathParam("version") String version, @PathParam("path") String path) {
    return requests.get(info(version, path), uri.getQueryParameters(), headers, response);
  }

  @POST
  @Path("{version}/{path: .+}")
  public Response post(
      @PathParam("version") String version, @PathParam("path") String path, InputStream body) {
    return requests.post(info(version, path), uri.getQueryParameters(), headers, body);
  }

  @PUT
  @Path("{version}/{path: .+}")
  public Response put(
      @PathParam("version") String version, @PathParam("path") String path, InputStream body) {
    return requests.put(info(version, path), uri.getQueryParameters(), headers, body);
  }

  @PATCH
  @Path("{version}/{path: .+}")
  public Response patch(
      @PathParam("version") String version, @PathParam("path") String path, InputStream body) {
    return requests.patch(info(version, path), uri.getQueryParameters(), headers, body);
  }

  @DELETE
  @Path("{version}/{path: .+}")
  public Response delete(@PathParam("version") String version, @PathParam("path") String path) {
    return requests.delete(info(version, path), uri.getQueryParameters(), headers, body());
  }

  private static RequestInfo info(String version, String path) {
    return ApiPaths.parse("", version, path);
  }

  /**
   * A DELETE's optional DeleteOptions body, read from the servlet request: Jersey refuses DELETE
   * requests that carry an entity when the method declares one.
   */
  private InputStream body() {
    try {
      return request.getInputStream();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
