package io.pilothouse.openapi;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names each fabric8 model class as kube-apiserver names its schema ({@code
 * io.fabric8.kubernetes.api.model.Pod} is {@code io.k8s.api.core.v1.Pod}, {@code ...model.apps
 * .Deployment} is {@code io.k8s.api.apps.v1.Deployment}, fabric8's copy of {@code ObjectMeta} is
 * {@code io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta}), so that kubectl finds the names it
 * knows in both OpenAPI documents.
 */
final class SchemaNames {

  static final String META = "io.k8s.apimachinery.pkg.apis.meta.v1.";
  static final String QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity";
  static final String INT_OR_STRING = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";
  static final String TIME = META + "Time";
  static final String MICRO_TIME = META + "MicroTime";
  static final String DELETE_OPTIONS = META + "DeleteOptions";
  static final String STATUS = META + "Status";
  static final String PATCH = META + "Patch";
  static final String SCALE = "io.k8s.api.autoscaling.v1.Scale";

  private static final String FABRIC8 = "io.fabric8.kubernetes.api.model";
  private static final Pattern VERSION = Pattern.compile("v\\d+((alpha|beta)\\d+)?");

  /** fabric8 keeps these apimachinery types in its core package, beside the core/v1 kinds. */
  private static final Set<String> META_TYPES =
      Set.of(
          "APIGroup",
          "APIGroupList",
          "APIResource",
          "APIResourceList",
          "APIVersions",
          "Condition",
          "CreateOptions",
          "DeleteOptions",
          "FieldSelectorRequirement",
          "FieldsV1",
          "GetOptions",
          "GroupVersionForDiscovery",
          "LabelSelector",
          "LabelSelectorRequirement",
          "ListMeta",
          "ListOptions",
          "ManagedFieldsEntry",
          "MicroTime",
          "ObjectMeta",
          "OwnerReference",
          "PartialObjectMetadata",
          "PartialObjectMetadataList",
          "Patch",
          "PatchOptions",
          "Preconditions",
          "RootPaths",
          "ServerAddressByClientCIDR",
          "Status",
          "StatusCause",
          "StatusDetails",
          "Table",
          "TableColumnDefinition",
          "TableRow",
          "TypeMeta",
          "UpdateOptions",
          "WatchEvent");

  private SchemaNames() {}

  /** The upstream schema name of a fabric8 model class; empty for any other class. */
  static Optional<String> of(Class<?> type) {
    Package pkg = type.getPackage();
    if (pkg == null || type.isMemberClass() || !isModelPackage(pkg.getName())) {
      return Optional.empty();
    }
    String simple = type.getSimpleName();
    String sub = pkg.getName().substring(FABRIC8.length());
    if (sub.isEmpty()) {
      return Optional.of(coreName(simple));
    }
    String[] parts = sub.substring(1).split("\\.");
    String last = parts[parts.length - 1];
    boolean versioned = VERSION.matcher(last).matches();
    String group =
        String.join(".", java.util.Arrays.copyOf(parts, parts.length - (versioned ? 1 : 0)));
    return Optional.of("io.k8s.api." + group + "." + (versioned ? last : "v1") + "." + simple);
  }

  /** Whether the class belongs to fabric8's Kubernetes model. */
  static boolean isModel(Class<?> type) {
    Package pkg = type.getPackage();
    return pkg != null && isModelPackage(pkg.getName());
  }

  private static boolean isModelPackage(String name) {
    return name.equals(FABRIC8) || name.startsWith(FABRIC8 + ".");
  }

  private static String coreName(String simple) {
    return switch (simple) {
      case "Quantity" -> QUANTITY;
      case "IntOrString" -> INT_OR_STRING;
      default -> META_TYPES.contains(simple) ? META + simple : "io.k8s.api.core.v1." + simple;
    };
  }

  /** The short name kubectl explain prints for a schema: its last dotted segment. */
  static String simpleName(String schemaName) {
    return schemaName.substring(schemaName.lastIndexOf('.') + 1);
  }
}
