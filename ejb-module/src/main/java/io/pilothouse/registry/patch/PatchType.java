package io.pilothouse.registry.patch;

import java.util.Locale;
import java.util.Optional;

/**
 * The three patch formats the API server accepts on {@code PATCH}, named by the request's {@code
 * Content-Type} exactly as kube-apiserver names them. Server-side apply ({@code
 * application/apply-patch+yaml}) is not one of them: it is not a patch of the live object but a
 * configuration merged by field ownership ({@link #isApply}, {@code registry.apply}).
 */
public enum PatchType {
  /** RFC 6902: a list of operations ({@code add}, {@code remove}, {@code test}...). */
  JSON_PATCH("application/json-patch+json"),
  /** RFC 7396: a partial object; {@code null} deletes, lists are replaced whole. */
  MERGE_PATCH("application/merge-patch+json"),
  /** Kubernetes' strategic merge patch: lists merged by the merge keys of {@link PatchSchema}. */
  STRATEGIC_MERGE_PATCH("application/strategic-merge-patch+json");

  private final String mediaType;

  PatchType(String mediaType) {
    this.mediaType = mediaType;
  }

  /** The media type, without parameters. */
  public String mediaType() {
    return mediaType;
  }

  /** The media type of server-side apply. */
  public static final String APPLY_MEDIA_TYPE = "application/apply-patch+yaml";

  /** Whether a {@code Content-Type} header value is server-side apply's, parameters ignored. */
  public static boolean isApply(String contentType) {
    return contentType != null && bare(contentType).equals(APPLY_MEDIA_TYPE);
  }

  private static String bare(String contentType) {
    int semicolon = contentType.indexOf(';');
    String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return type.trim().toLowerCase(Locale.ROOT);
  }

  /**
   * The patch type of a {@code Content-Type} header value, ignoring parameters such as {@code ;
   * charset=utf-8} and letter case; empty for any other media type or a missing header.
   */
  public static Optional<PatchType> fromContentType(String contentType) {
    if (contentType == null) {
      return Optional.empty();
    }
    String normalized = bare(contentType);
    for (PatchType type : values()) {
      if (type.mediaType.equals(normalized)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
