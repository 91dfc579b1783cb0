package io.pilothouse.api.server;

import io.pilothouse.api.StatusException;
import io.pilothouse.api.StatusReasons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET pods/{name}/log}: proxied to the kubelet of the pod's node, which serves the
 * container's log files. Until a node agent serves logs, the pod's logs are not available.
 */
@ApplicationScoped
public class PodLogs {

  Response stream(String namespace, String name, MultivaluedMap<String, String> query) {
    throw new StatusException(
        400,
        StatusReasons.BAD_REQUEST,
        "pod " + name + " has no running container to read logs from");
  }
}
