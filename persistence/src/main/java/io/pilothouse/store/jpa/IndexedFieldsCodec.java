package io.pilothouse.store.jpa;

import io.pilothouse.store.IndexedFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Packs {@link IndexedFields} into one text column and back, one line per entry: {@code L} label,
 * {@code F} field, {@code O} owner uid, with {@code %}, {@code =}, CR and LF percent-escaped. Not
 * JSON on purpose: the store never parses JSON, and equal fields always encode to equal text.
 */
final class IndexedFieldsCodec {

  private IndexedFieldsCodec() {}

  static String encode(IndexedFields fields) {
    if (fields == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    fields.labels().forEach((k, v) -> entry(sb, 'L', k).append('=').append(escape(v)).append('\n'));
    fields.fields().forEach((k, v) -> entry(sb, 'F', k).append('=').append(escape(v)).append('\n'));
    fields.ownerUids().forEach(uid -> entry(sb, 'O', uid).append('\n'));
    return sb.toString();
  }

  /** Decodes text made by {@link #encode}; {@code null} stays {@code null} (no previous state). */
  static IndexedFields decode(String text) {
    if (text == null) {
      return null;
    }
    Map<String, String> labels = new TreeMap<>();
    Map<String, String> fields = new TreeMap<>();
    List<String> owners = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      String rest = line.substring(1);
      int eq = rest.indexOf('=');
      switch (line.charAt(0)) {
        case 'L' -> labels.put(unescape(rest.substring(0, eq)), unescape(rest.substring(eq + 1)));
        case 'F' -> fields.put(unescape(rest.substring(0, eq)), unescape(rest.substring(eq + 1)));
        case 'O' -> owners.add(unescape(rest));
        default -> throw new IllegalStateException("unknown indexed-fields entry: " + line);
      }
    }
    return new IndexedFields(labels, fields, owners);
  }

  private static StringBuilder entry(StringBuilder sb, char kind, String key) {
    return sb.append(kind).append(escape(key));
  }

  private static String escape(String s) {
    if (s.indexOf('%') < 0 && s.indexOf('=') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return s.replace("%", "%25").replace("=", "%3D").replace("\n", "%0A").replace("\r", "%0D");
  }

  private static String unescape(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    return s.replace("%0D", "\r").replace("%0A", "\n").replace("%3D", "=").replace("%25", "%");
  }
}
