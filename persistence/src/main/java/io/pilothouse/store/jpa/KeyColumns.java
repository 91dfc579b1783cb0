package io.pilothouse.store.jpa;

/**
 * Widths of the key columns every store table repeats, sized to Kubernetes' own limits: API groups
 * and object names are DNS subdomains (253), namespaces DNS labels (63).
 */
final class KeyColumns {
  static final int GROUP = 253;
  static final int RESOURCE = 253;
  static final int NAMESPACE = 63;
  static final int NAME = 253;
  static final int UID = 64;

  private KeyColumns() {}
}
