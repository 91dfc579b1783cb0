package io.pilothouse.store;

import java.util.Objects;

/**
 * Identifies one stored object the way the Kubernetes registry keys etcd: API group, resource
 * (plural, lower case), namespace and name. The group is {@code ""} for the core group and the
 * namespace is {@code ""} for cluster-scoped resources.
 */
public record ObjectKey(String group, String resource, String namespace, String name) {

  /** Normalises nulls to {@code ""} for group and namespace; resource and name are required. */
  public ObjectKey {
    group = group == null ? "" : group;
    namespace = namespace == null ? "" : namespace;
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(name, "name");
  }

  /** Key of a namespaced object. */
  public static ObjectKey namespaced(String group, String resource, String namespace, String name) {
    return new ObjectKey(group, resource, namespace, name);
  }

  /** Key of a cluster-scoped object. */
  public static ObjectKey cluster(String group, String resource, String name) {
    return new ObjectKey(group, resource, "", name);
  }

  /** The key of another object of the same resource and namespace. */
  public ObjectKey withName(String otherName) {
    return new ObjectKey(group, resource, namespace, otherName);
  }

  /**
   * The resource in Kubernetes' {@code GroupResource} notation, e.g. {@code
   * leases.coordination.k8s.io}.
   */
  public String groupResource() {
    return group.isEmpty() ? resource : resource + "." + group;
  }

  @Override
  public String toString() {
    String scope = namespace.isEmpty() ? "" : namespace + "/";
    return groupResource() + " " + scope + name;
  }
}
