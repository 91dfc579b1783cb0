package io.pilothouse.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the registry extracted from an object for the store to index: its labels, its selectable
 * fields (field path such as {@code spec.nodeName} or {@code involvedObject.kind} mapped to the
 * value) and the uids of its owners. The store keeps them in indexed side tables so label and field
 * selectors run in SQL; {@code metadata.name} and {@code metadata.namespace} come from the key and
 * need not be listed here.
 */
public record IndexedFields(
    Map<String, String> labels, Map<String, String> fields, List<String> ownerUids) {

  /** Longest label key: a 253-character DNS prefix, {@code /} and a 63-character name. */
  public static final int MAX_LABEL_KEY = 317;

  public static final int MAX_LABEL_VALUE = 255;
  public static final int MAX_FIELD_PATH = 255;
  public static final int MAX_FIELD_VALUE = 1024;
  public static final int MAX_UID = 64;

  /** No labels, no fields, no owners. */
  public static final IndexedFields EMPTY = new IndexedFields(Map.of(), Map.of(), List.of());

  /**
   * Copies the maps into sorted, unmodifiable ones (so equal content encodes equally) and checks
   * the column limits; a {@code null} label or field value is stored as {@code ""}.
   */
  public IndexedFields {
    labels = sortedCopy(labels, MAX_LABEL_KEY, MAX_LABEL_VALUE, "label");
    fields = sortedCopy(fields, MAX_FIELD_PATH, MAX_FIELD_VALUE, "field");
    ownerUids = ownerUids == null ? List.of() : List.copyOf(ownerUids.stream().distinct().toList());
    for (String uid : ownerUids) {
      checkLength(uid, MAX_UID, "owner uid");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Labels only. */
  public static IndexedFields ofLabels(Map<String, String> labels) {
    return new IndexedFields(labels, Map.of(), List.of());
  }

  private static Map<String, String> sortedCopy(
      Map<String, String> source, int maxKey, int maxValue, String what) {
    if (source == null || source.isEmpty()) {
      return Collections.emptySortedMap();
    }
    TreeMap<String, String> copy = new TreeMap<>();
    source.forEach(
        (k, v) -> {
          checkLength(k, maxKey, what + " key");
          String value = v == null ? "" : v;
          checkLength(value, maxValue, what + " value");
          copy.put(k, value);
        });
    return Collections.unmodifiableSortedMap(copy);
  }

  private static void checkLength(String s, int max, String what) {
    if (s == null || s.length() > max) {
      throw new IllegalArgumentException(
          what + " must be a string of at most " + max + " characters: " + s);
    }
  }

  /** Collects labels, fields and owner uids one at a time. */
  public static final class Builder {
    private final Map<String, String> labels = new TreeMap<>();
    private final Map<String, String> fields = new TreeMap<>();
    private final List<String> owners = new ArrayList<>();

    public Builder label(String key, String value) {
      labels.put(key, value);
      return this;
    }

    public Builder labels(Map<String, String> all) {
      if (all != null) {
        labels.putAll(all);
      }
      return this;
    }

    public Builder field(String path, String value) {
      fields.put(path, value);
      return this;
    }

    public Builder owner(String uid) {
      owners.add(uid);
      return this;
    }

    public IndexedFields build() {
      return new IndexedFields(labels, fields, owners);
    }
  }
}
