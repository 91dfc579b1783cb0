package io.pilothouse.store.jpa;

import io.pilothouse.store.InvalidContinueTokenException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque continue token of a paged list: the revision of the list's first page and the last key
 * returned, as base64url of {@code v1 NL revision NL namespace NL name} (names and namespaces
 * cannot hold a newline). The next page starts strictly after that key.
 */
record ContinueToken(long revision, String namespace, String name) {

  private static final String VERSION = "v1";

  String encode() {
    String text = VERSION + "\n" + revision + "\n" + namespace + "\n" + name;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @throws InvalidContinueTokenException if the token is not one {@link #encode()} made
   */
  static ContinueToken decode(String token) {
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidContinueTokenException("not base64url");
    }
    String[] parts = text.split("\n", -1);
    if (parts.length != 4 || !VERSION.equals(parts[0])) {
      throw new InvalidContinueTokenException("unknown token format");
    }
    long revision;
    try {
      revision = Long.parseLong(parts[1]);
    } catch (NumberFormatException e) {
      throw new InvalidContinueTokenException("incorrect encoded start resourceVersion");
    }
    if (revision <= 0 || parts[3].isEmpty()) {
      throw new InvalidContinueTokenException("incorrect encoded start resourceVersion");
    }
    return new ContinueToken(revision, parts[2], parts[3]);
  }
}
