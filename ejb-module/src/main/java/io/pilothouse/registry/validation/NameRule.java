package io.pilothouse.registry.validation;

import java.util.List;

/**
 * Which format a kind's {@code metadata.name} must have, as upstream's {@code ValidateNameFunc}:
 * most kinds take a DNS-1123 subdomain, namespaces a DNS-1123 label, services a DNS-1035 label.
 */
public enum NameRule {
  /** {@code NameIsDNSSubdomain}: pods, deployments, configmaps and most kinds. */
  DNS1123_SUBDOMAIN,
  /** {@code NameIsDNSLabel}: namespaces. */
  DNS1123_LABEL,
  /** {@code NameIsDNS1035Label}: services. */
  DNS1035_LABEL;

  /** The messages for {@code name}; {@code prefix} for a generateName, which may end in '-'. */
  public List<String> validate(String name, boolean prefix) {
    return switch (this) {
      case DNS1123_SUBDOMAIN -> Names.subdomainName(name, prefix);
      case DNS1123_LABEL -> Names.labelName(name, prefix);
      case DNS1035_LABEL -> Names.dns1035Name(name, prefix);
    };
  }
}
