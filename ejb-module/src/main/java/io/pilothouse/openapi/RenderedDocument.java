package io.pilothouse.openapi;

import io.pilothouse.json.KubernetesJson;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import tools.jackson.databind.node.ObjectNode;

/**
 * An OpenAPI document computed once: its tree, its JSON bytes and their hash, the SHA-512 in upper
 * case hex that kube-apiserver uses both as the {@code hash} query parameter of the document's URL
 * and as its ETag. The hash changes exactly when the bytes do.
 */
record RenderedDocument(ObjectNode tree, byte[] json, String hash) {

  /** Serializes {@code tree} with the shared mapper and hashes the bytes. */
  static RenderedDocument of(ObjectNode tree) {
    byte[] json = KubernetesJson.mapper().writeValueAsBytes(tree);
    return new RenderedDocument(tree, json, sha512(json));
  }

  /** A copy of the tree, for a caller that may change it. */
  ObjectNode copy() {
    return tree.deepCopy();
  }

  /** A copy of the JSON bytes, for a caller that may change them. */
  byte[] jsonCopy() {
    return json.clone();
  }

  private static String sha512(byte[] bytes) {
    try {
      return HexFormat.of()
          .withUpperCase()
          .formatHex(MessageDigest.getInstance("SHA-512").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-512", e);
    }
  }
}
