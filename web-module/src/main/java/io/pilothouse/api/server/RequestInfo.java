package io.pilothouse.api.server;

import java.util.List;
import java.util.Set;

/**
 * What a request to {@code /api/...} or {@code /apis/...} addresses, parsed as upstream's {@code
 * RequestInfoFactory} does: group, version, namespace, resource, name, subresource, and whether it
 * came through the legacy {@code /watch/} prefix.
 */
public record RequestInfo(
    String group,
    String version,
    String namespace,
    String resource,
    String name,
    String subresource,
    boolean watchPrefix) {

  private static final Set<String> NAMESPACE_SUBRESOURCES = Set.of("status", "finalize");

  /** Parses the path segments after the group version ({@code namespaces/ns/pods/web/status}). */
  public static RequestInfo parse(String group, String version, List<String> segments) {
    List<String> parts = segments;
    boolean watch = false;
    if (!parts.isEmpty() && parts.get(0).equals("watch")) {
      watch = true;
      parts = parts.subList(1, parts.size());
    }
    String namespace = null;
    if (parts.size() > 1 && parts.get(0).equals("namespaces")) {
      namespace = parts.get(1);
      if (parts.size() > 2 && !NAMESPACE_SUBRESOURCES.contains(parts.get(2))) {
        parts = parts.subList(2, parts.size());
      }
    }
    if (parts.isEmpty() || parts.size() > 3) {
      return null;
    }
    String resource = parts.get(0);
    String name = parts.size() > 1 ? parts.get(1) : null;
    String sub = parts.size() > 2 ? parts.get(2) : null;
    return new RequestInfo(group, version, namespace, resource, name, sub, watch);
  }

  /** Whether the request names one object (not a collection). */
  public boolean hasName() {
    return name != null;
  }
}
