package io.pilothouse.registry.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Upstream's string format checks ({@code k8s.io/apimachinery/pkg/util/validation}) with their
 * exact wording: DNS-1123 subdomains and labels, DNS-1035 labels, qualified names (label and
 * annotation keys), label values, IANA service (port) names, environment variable names and config
 * keys. Each returns the list of messages upstream would give, empty when the value is valid; a
 * caller turns each message into a {@code FieldValueInvalid} cause on its own field path.
 */
public final class Names {

  public static final int DNS1123_LABEL_MAX = 63;
  public static final int DNS1123_SUBDOMAIN_MAX = 253;
  public static final int DNS1035_LABEL_MAX = 63;
  public static final int QUALIFIED_NAME_MAX = 63;
  public static final int LABEL_VALUE_MAX = 63;
  public static final int PORT_NAME_MAX = 15;

  static final String DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  static final String DNS1123_SUBDOMAIN_FMT = DNS1123_LABEL_FMT + "(\\." + DNS1123_LABEL_FMT + ")*";
  static final String DNS1035_LABEL_FMT = "[a-z]([-a-z0-9]*[a-z0-9])?";
  static final String QUALIFIED_NAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
  static final String LABEL_VALUE_FMT = "(" + QUALIFIED_NAME_FMT + ")?";
  static final String CONFIG_MAP_KEY_FMT = "[-._a-zA-Z0-9]+";

  private static final Pattern CONFIG_MAP_KEY = Pattern.compile(CONFIG_MAP_KEY_FMT);
  private static final Pattern PORT_NAME_CHARSET = Pattern.compile("[-a-z0-9]+");
  private static final Pattern HAS_LETTER = Pattern.compile(".*[a-z].*");

  private static final String DNS1123_LABEL_MSG =
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and"
          + " must start and end with an alphanumeric character";
  private static final String DNS1123_SUBDOMAIN_MSG =
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or"
          + " '.', and must start and end with an alphanumeric character";
  private static final String DNS1035_LABEL_MSG =
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an"
          + " alphabetic character, and end with an alphanumeric character";
  private static final String QUALIFIED_NAME_MSG =
      "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an"
          + " alphanumeric character";
  private static final String LABEL_VALUE_MSG =
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or"
          + " '.', and must start and end with an alphanumeric character";
  private static final String CONFIG_MAP_KEY_MSG =
      "a valid config key must consist of alphanumeric characters, '-', '_' or '.'";
  private static final String RELAXED_ENV_MSG =
      "a valid environment variable name must consist only of printable ASCII characters other"
          + " than '='";

  private Names() {}

  /** {@code IsDNS1123Subdomain}: at most 253 characters of lower-case DNS labels joined by dots. */
  public static List<String> dns1123Subdomain(String value) {
    List<String> errs = new ArrayList<>();
    if (value.length() > DNS1123_SUBDOMAIN_MAX) {
      errs.add(maxLenError(DNS1123_SUBDOMAIN_MAX));
    }
    if (!NameSyntax.dns1123Subdomain(value)) {
      errs.add(regexError(DNS1123_SUBDOMAIN_MSG, DNS1123_SUBDOMAIN_FMT, "example.com"));
    }
    return errs;
  }

  /** {@code IsDNS1123Label}: at most 63 lower-case alphanumerics or '-'. */
  public static List<String> dns1123Label(String value) {
    List<String> errs = new ArrayList<>();
    if (value.length() > DNS1123_LABEL_MAX) {
      errs.add(maxLenError(DNS1123_LABEL_MAX));
    }
    if (!NameSyntax.dns1123Label(value)) {
      if (NameSyntax.dns1123Subdomain(value)) {
        errs.add("must not contain dots");
      } else {
        errs.add(regexError(DNS1123_LABEL_MSG, DNS1123_LABEL_FMT, "my-name", "123-abc"));
      }
    }
    return errs;
  }

  /** {@code IsDNS1035Label}: a DNS-1123 label that starts with a letter (Service names). */
  public static List<String> dns1035Label(String value) {
    List<String> errs = new ArrayList<>();
    if (value.length() > DNS1035_LABEL_MAX) {
      errs.add(maxLenError(DNS1035_LABEL_MAX));
    }
    if (!NameSyntax.dns1035Label(value)) {
      errs.add(regexError(DNS1035_LABEL_MSG, DNS1035_LABEL_FMT, "my-name", "abc-123"));
    }
    return errs;
  }

  /** {@code IsQualifiedName}: a label or annotation key, {@code [prefix/]name}. */
  public static List<String> qualifiedName(String value) {
    List<String> errs = new ArrayList<>();
    String[] parts = value.split("/", -1);
    String name;
    if (parts.length == 1) {
      name = parts[0];
    } else if (parts.length == 2) {
      name = parts[1];
      if (parts[0].isEmpty()) {
        errs.add("prefix part must be non-empty");
      } else {
        for (String msg : dns1123Subdomain(parts[0])) {
          errs.add("prefix part " + msg);
        }
      }
    } else {
      errs.add(
          "a qualified name "
              + regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, "MyName", "my.name", "123-abc")
              + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
      return errs;
    }
    if (name.isEmpty()) {
      errs.add("name part must be non-empty");
    } else if (name.length() > QUALIFIED_NAME_MAX) {
      errs.add("name part " + maxLenError(QUALIFIED_NAME_MAX));
    }
    if (!NameSyntax.qualifiedName(name)) {
      errs.add(
          "name part "
              + regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, "MyName", "my.name", "123-abc"));
    }
    return errs;
  }

  /** {@code IsValidLabelValue}: empty, or at most 63 characters of the qualified-name alphabet. */
  public static List<String> labelValue(String value) {
    List<String> errs = new ArrayList<>();
    if (value.length() > LABEL_VALUE_MAX) {
      errs.add(maxLenError(LABEL_VALUE_MAX));
    }
    if (!NameSyntax.labelValue(value)) {
      errs.add(regexError(LABEL_VALUE_MSG, LABEL_VALUE_FMT, "MyValue", "my_value", "12345"));
    }
    return errs;
  }

  /** {@code IsValidPortName}: an IANA_SVC_NAME (at most 15 characters, at least one letter). */
  public static List<String> portName(String value) {
    List<String> errs = new ArrayList<>();
    if (value.length() > PORT_NAME_MAX) {
      errs.add(maxLenError(PORT_NAME_MAX));
    }
    if (!PORT_NAME_CHARSET.matcher(value).matches()) {
      errs.add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
    }
    if (!HAS_LETTER.matcher(value).matches()) {
      errs.add("must contain at least one letter (a-z)");
    }
    if (value.contains("--")) {
      errs.add("must not contain consecutive hyphens");
    }
    if (!value.isEmpty() && (value.startsWith("-") || value.endsWith("-"))) {
      errs.add("must not begin or end with a hyphen");
    }
    return errs;
  }

  /** {@code IsValidPortNum}: 1 to 65535. */
  public static List<String> portNumber(long port) {
    return port >= 1 && port <= 65535 ? List.of() : List.of(inclusiveRangeError(1, 65535));
  }

  /** {@code IsRelaxedEnvVarName}: any printable ASCII but '=' (the 1.32 rule). */
  public static List<String> envVarName(String value) {
    List<String> errs = new ArrayList<>();
    if (value.isEmpty()) {
      errs.add("environment variable name must be non-empty");
    }
    for (char c : value.toCharArray()) {
      if (c > 126 || c < 32 || c == '=') {
        errs.add(RELAXED_ENV_MSG);
        break;
      }
    }
    return errs;
  }

  /** {@code IsConfigMapKey}: a ConfigMap or Secret key. */
  public static List<String> configMapKey(String value) {
    List<String> errs = new ArrayList<>();
    if (value.length() > DNS1123_SUBDOMAIN_MAX) {
      errs.add(maxLenError(DNS1123_SUBDOMAIN_MAX));
    }
    if (!CONFIG_MAP_KEY.matcher(value).matches()) {
      errs.add(
          regexError(CONFIG_MAP_KEY_MSG, CONFIG_MAP_KEY_FMT, "key.name", "KEY_NAME", "key-name"));
    }
    if (value.equals(".")) {
      errs.add("must not be '.'");
    } else if (value.equals("..")) {
      errs.add("must not be '..'");
    } else if (value.startsWith("..")) {
      errs.add("must not start with '..'");
    }
    return errs;
  }

  /** {@code NameIsDNSSubdomain}: for a prefix (generateName) a trailing '-' is allowed. */
  public static List<String> subdomainName(String name, boolean prefix) {
    return dns1123Subdomain(prefix ? maskTrailingDash(name) : name);
  }

  /** {@code NameIsDNSLabel}: for a prefix (generateName) a trailing '-' is allowed. */
  public static List<String> labelName(String name, boolean prefix) {
    return dns1123Label(prefix ? maskTrailingDash(name) : name);
  }

  /** {@code NameIsDNS1035Label}: for a prefix (generateName) a trailing '-' is allowed. */
  public static List<String> dns1035Name(String name, boolean prefix) {
    return dns1035Label(prefix ? maskTrailingDash(name) : name);
  }

  /** Upstream's {@code InclusiveRangeError}. */
  public static String inclusiveRangeError(long lo, long hi) {
    return "must be between " + lo + " and " + hi + ", inclusive";
  }

  /** Upstream's {@code MaxLenError}. */
  public static String maxLenError(int length) {
    return "must be no more than " + length + " characters";
  }

  /** Upstream's {@code RegexError}: the message, examples and the regex used. */
  public static String regexError(String msg, String fmt, String... examples) {
    if (examples.length == 0) {
      return msg + " (regex used for validation is '" + fmt + "')";
    }
    StringBuilder out = new StringBuilder(msg).append(" (e.g. ");
    for (int i = 0; i < examples.length; i++) {
      out.append(i > 0 ? " or " : "").append('\'').append(examples[i]).append("', ");
    }
    return out.append("regex used for validation is '").append(fmt).append("')").toString();
  }

  /** As upstream's {@code maskTrailingDash}: "abc-" validates as "aba". */
  private static String maskTrailingDash(String name) {
    if (name.length() > 1 && name.endsWith("-")) {
      return name.substring(0, name.length() - 2) + "a";
    }
    return name;
  }
}
