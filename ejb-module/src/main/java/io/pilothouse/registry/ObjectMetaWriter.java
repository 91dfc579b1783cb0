package io.pilothouse.registry;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sets the metadata the server owns: uid, creationTimestamp, generated names, generation, and
 * carries it over on updates, as upstream's {@code rest.BeforeCreate}/{@code BeforeUpdate}.
 */
public final class ObjectMetaWriter {

  private static final String NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
  private static final int GENERATED_SUFFIX = 5;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String[] SERVER_OWNED = {
    "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation"
  };

  private ObjectMetaWriter() {}

  /** An RFC 3339 timestamp in seconds, as Kubernetes writes {@code metav1.Time}. */
  public static String timestamp(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  /** Fills a new object's server-owned metadata. */
  public static void beforeCreate(ObjectNode metadata, boolean tracksGeneration, Instant now) {
    String generateName = text(metadata, "generateName");
    if (isEmpty(text(metadata, "name")) && !isEmpty(generateName)) {
      metadata.put("name", generateName + randomSuffix());
    }
    metadata.put("uid", UUID.randomUUID().toString());
    metadata.put("creationTimestamp", timestamp(now));
    metadata.remove("deletionTimestamp");
    metadata.remove("deletionGracePeriodSeconds");
    if (tracksGeneration) {
      metadata.put("generation", 1);
    } else {
      metadata.remove("generation");
    }
  }

  /** Copies the server-owned metadata of the stored object onto the update. */
  public static void carryOver(ObjectNode metadata, ObjectNode oldMetadata) {
    for (String field : SERVER_OWNED) {
      JsonNode value = oldMetadata.get(field);
      if (value == null) {
        metadata.remove(field);
      } else {
        metadata.set(field, value.deepCopy());
      }
    }
  }

  /** Keeps the stored object's {@code managedFields} on a write that does not change them. */
  public static void carryManagedFields(ObjectNode metadata, ObjectNode oldMetadata) {
    JsonNode value = oldMetadata.get("managedFields");
    if (value == null) {
      metadata.remove("managedFields");
    } else {
      metadata.set("managedFields", value.deepCopy());
    }
  }

  private static String randomSuffix() {
    StringBuilder suffix = new StringBuilder();
    for (int i = 0; i < GENERATED_SUFFIX; i++) {
      suffix.append(NAME_ALPHABET.charAt(RANDOM.nextInt(NAME_ALPHABET.length())));
    }
    return suffix.toString();
  }

  private static String text(ObjectNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asString();
  }

  private static boolean isEmpty(String value) {
    return value == null || value.isEmpty();
  }
}
