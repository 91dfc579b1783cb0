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
 * The named groups, {@code /apis}: discovery and every {@code /apis/{group}/{version}/...} path.
 * One instance serves every request, as {@link CoreApiResource}.
 */
@ApplicationScoped
@Path("apis")
public class GroupApiResource {

  @Inject DiscoveryDocuments discovery;
  @Inject ResourceRequests requests;
  @Context UriInfo uri;
  @Context HttpHeaders headers;
  @Context HttpServletRequest request;
  @Context HttpServletResponse response;

  @GET
  public Response groups() {
    return Representations.ok(200, discovery.groups(), headers);
  }

  @GET
  @Path("{group}")
  public Response group(@PathParam("group") String group) {
    return Representations.ok(
        200, discovery.groupDocument(group).orElseThrow(this::notFound), headers);
  }

  @GET
  @Path("{group}/{version}")
  public Response resources(
      @PathParam("group") String group, @PathParam("version") String version) {
    return Representations.ok(
        200, discovery.resources(group, version).orElseThrow(this::notFound), headers);
  }

  @GET
  @Path("{group}/{version}/{path: .+}")
  public Response get(
      @PathParam("group") String group,
      @PathParam("version") String version,
      @PathParam("path") String path) {
    return requests.get(
        ApiPaths.parse(group, version, path), uri.getQueryParameters(), headers, response);
  }

  @POST
  @Path("{group}/{version}/{path: .+}")
  public Response post(
      @PathParam("group") String group,
      @PathParam("version") String version,
      @PathParam("path") String path,
      InputStream body) {
    RequestInfo info = ApiPaths.parse(group, version, path);
    return requests.post(info, uri.getQueryParameters(), headers, body);
  }

  @PUT
  @Path("{group}/{version}/{path: .+}")
  public Response put(
      @PathParam("group") String group,
      @PathParam("version") String version,
      @PathParam("path") String path,
      InputStream body) {
    RequestInfo info = ApiPaths.parse(group, version, path);
    return requests.put(info, uri.getQueryParameters(), headers, body);
  }

  @PATCH
  @Path("{group}/{version}/{path: .+}")
  public Response patch(
      @PathParam("group") String group,
      @PathParam("version") String version,
      @PathParam("path") String path,
      InputStream body) {
    RequestInfo info = ApiPaths.parse(group, version, path);
    return requests.patch(info, uri.getQueryParameters(), headers, body);
  }

  @DELETE
  @Path("{group}/{version}/{path: .+}")
  public Response delete(
      @PathParam("group") String group,
      @PathParam("version") String version,
      @PathParam("path") String path) {
    RequestInfo info = ApiPaths.parse(group, version, path);
    return requests.delete(info, uri.getQueryParameters(), headers, body());
  }

  private StatusException notFound() {
    return new StatusException(
        404, StatusReasons.NOT_FOUND, "the server could not find the requested resource");
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
