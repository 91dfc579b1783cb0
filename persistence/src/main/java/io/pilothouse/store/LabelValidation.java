package io.pilothouse.store;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Upstream's label key and value rules ({@code IsQualifiedName}, {@code IsValidLabelValue}) with
 * their error wording, so a bad selector earns the same 400 message kube-apiserver gives.
 */
final class LabelValidation {

  static final String QUALIFIED_NAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
  static final String LABEL_VALUE_FMT = "(" + QUALIFIED_NAME_FMT + ")?";
  static final String DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  static final String DNS1123_SUBDOMAIN_FMT = DNS1123_LABEL_FMT + "(\\." + DNS1123_LABEL_FMT + ")*";
  static final int MAX_NAME = 63;
  static final int MAX_SUBDOMAIN = 253;

  private static final Pattern QUALIFIED_NAME = Pattern.compile(QUALIFIED_NAME_FMT);
  private static final Pattern LABEL_VALUE = Pattern.compile(LABEL_VALUE_FMT);
  private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile(DNS1123_SUBDOMAIN_FMT);
  private static final String QUALIFIED_NAME_MSG =
      "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an"
          + " alphanumeric character";
  private static final String LABEL_VALUE_MSG =
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or"
          + " '.', and must start and end with an alphanumeric character";
  private static final String DNS1123_SUBDOMAIN_MSG =
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or"
          + " '.', and must start and end with an alphanumeric character";

  private LabelValidation() {}

  /** Errors of a label key: optional DNS-1123 subdomain prefix and {@code /}, then a name. */
  static List<String> labelKeyErrors(String key) {
    List<String> errs = new ArrayList<>();
    String[] parts = key.split("/", -1);
    String name;
    if (parts.length == 1) {
      name = parts[0];
    } else if (parts.length == 2) {
      name = parts[1];
      prefixErrors(parts[0], errs);
    } else {
      errs.add(
          "a qualified name "
              + regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, "MyName", "my.name", "123-abc")
              + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
      return errs;
    }
    if (name.isEmpty()) {
      errs.add("name part must be non-empty");
    } else if (name.length() > MAX_NAME) {
      errs.add("name part must be no more than " + MAX_NAME + " characters");
    }
    if (!QUALIFIED_NAME.matcher(name).matches()) {
      errs.add(
          "name part "
              + regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, "MyName", "my.name", "123-abc"));
    }
    return errs;
  }

  private static void prefixErrors(String prefix, List<String> errs) {
    if (prefix.isEmpty()) {
      errs.add("prefix part must be non-empty");
      return;
    }
    if (prefix.length() > MAX_SUBDOMAIN) {
      errs.add("prefix part must be no more than " + MAX_SUBDOMAIN + " characters");
    }
    if (!DNS1123_SUBDOMAIN.matcher(prefix).matches()) {
      errs.add(
          "prefix part " + regexError(DNS1123_SUBDOMAIN_MSG, DNS1123_SUBDOMAIN_FMT, "example.com"));
    }
  }

  /** Errors of a label value: at most 63 characters of the qualified-name alphabet, or empty. */
  static List<String> labelValueErrors(String value) {
    List<String> errs = new ArrayList<>();
    if (value.length() > MAX_NAME) {
      errs.add("must be no more than " + MAX_NAME + " characters");
    }
    if (!LABEL_VALUE.matcher(value).matches()) {
      errs.add(regexError(LABEL_VALUE_MSG, LABEL_VALUE_FMT, "MyValue", "my_value", "12345"));
    }
    return errs;
  }

  /** Upstream's {@code field.Invalid(path, value, detail)} text. */
  static String invalid(String path, String value, List<String> errs) {
    return path + ": Invalid value: " + quote(value) + ": " + String.join("; ", errs);
  }

  /** Upstream's aggregate of several errors: one alone, or {@code [a, b]}. */
  static String aggregate(List<String> errors) {
    return errors.size() == 1 ? errors.get(0) : "[" + String.join(", ", errors) + "]";
  }

  static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private static String regexError(String msg, String fmt, String... examples) {
    StringBuilder sb = new StringBuilder(msg).append(" (e.g. ");
    for (int i = 0; i < examples.length; i++) {
      if (i > 0) {
        sb.append(" or ");
      }
      sb.append('\'').append(examples[i]).append("', ");
    }
    return sb.append("regex used for validation is '").append(fmt).append("')").toString();
  }
}
