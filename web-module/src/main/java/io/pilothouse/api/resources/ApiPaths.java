package io.pilothouse.api.resources;

import io.pilothouse.api.StatusException;
import io.pilothouse.api.StatusReasons;
import io.pilothouse.api.server.RequestInfo;
import java.util.Arrays;

/** Parses the resource part of an API path, answering 404 for paths that address nothing. */
final class ApiPaths {

  private ApiPaths() {}

  static RequestInfo parse(String group, String version, String path) {
    RequestInfo info =
        RequestInfo.parse(
            group,
            version,
            Arrays.stream(path.split("/")).filter(segment -> !segment.isEmpty()).toList());
    if (info == null) {
      throw new StatusException(
          404, StatusReasons.NOT_FOUND, "the server could not find the requested resource");
    }
    return info;
  }
}
