package io.pilothouse.store.jpa;

/**
 * Widths of the key columns every store table repeats, sized to Kubernetes' own limits: API groups
 * and object names are DNS subdomains (253), namespaces DNS labels (63). Object bodies and their
 * indexed fields are character columns wide enough for the largest request body the API accepts (3
 * MiB, {@code BodyReader.MAX_BYTES}) after defaulting, stored in the row rather than as LOBs: H2
 * keeps a LOB in a separate map whose pages it never moves, which left its file growing without
 * bound under constant writes (see docs/architecture.md).
 */
final class KeyColumns {
  static final int GROUP = 253;
  static final int RESOURCE = 253;
  static final int NAMESPACE = 63;
  static final int NAME = 253;
  static final int UID = 64;
  static final int BODY = 4 * 1024 * 1024;

  private KeyColumns() {}
}
