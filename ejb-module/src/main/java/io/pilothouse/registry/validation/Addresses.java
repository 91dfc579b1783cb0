package io.pilothouse.registry.validation;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * IP address and CIDR checks with upstream's messages ({@code IsValidIP}, {@code IsValidCIDR},
 * {@code ValidateNonSpecialIP}), without any name lookup.
 */
public final class Addresses {

  /** Upstream's message for a bad IP. */
  public static final String INVALID_IP =
      "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)";

  /** Upstream's message for a bad CIDR. */
  public static final String INVALID_CIDR =
      "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)";

  private static final Pattern IPV4 =
      Pattern.compile(
          "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

  private Addresses() {}

  /** Whether {@code value} is an IPv4 address in dotted-quad form. */
  public static boolean isIPv4(String value) {
    return value != null && IPV4.matcher(value).matches();
  }

  /** Whether {@code value} is an IPv6 address literal. */
  public static boolean isIPv6(String value) {
    if (value == null || !value.contains(":") || !IPV6_CHARS.matcher(value).matches()) {
      return false;
    }
    try {
      InetAddress.getByName(value);
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** Whether {@code value} is an IPv4 or IPv6 address. */
  public static boolean isIP(String value) {
    return isIPv4(value) || isIPv6(value);
  }

  /** {@code IsValidIP} at {@code path}. */
  public static List<FieldError> validateIP(String value, String path) {
    return isIP(value) ? List.of() : List.of(FieldError.invalid(path, value, INVALID_IP));
  }

  /** {@code IsValidCIDR} at {@code path}. */
  public static List<FieldError> validateCIDR(String value, String path) {
    int slash = value.indexOf('/');
    boolean valid = false;
    if (slash > 0) {
      String ip = value.substring(0, slash);
      String bits = value.substring(slash + 1);
      int max = isIPv4(ip) ? 32 : isIPv6(ip) ? 128 : -1;
      valid = max > 0 && bits.matches("\\d{1,3}") && Integer.parseInt(bits) <= max;
    }
    return valid ? List.of() : List.of(FieldError.invalid(path, value, INVALID_CIDR));
  }

  /**
   * {@code ValidateNonSpecialIP} minus the loopback rule: Pilothouse's process runtime gives each
   * pod a loopback address, so endpoints in 127.0.0.0/8 are legitimate here.
   */
  public static List<FieldError> validateNonSpecialIP(String value, String path) {
    if (isIPv4(value)) {
      if (value.equals("0.0.0.0")) {
        return List.of(unspecified(value, path));
      }
      if (value.startsWith("169.254.")) {
        return List.of(
            FieldError.invalid(
                path, value, "may not be in the link-local range (169.254.0.0/16, fe80::/10)"));
      }
      if (value.startsWith("224.0.0.")) {
        return List.of(
            FieldError.invalid(
                path,
                value,
                "may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)"));
      }
      return List.of();
    }
    if (isIPv6(value) && value.replace("0", "").replace(":", "").isEmpty()) {
      return List.of(unspecified(value, path));
    }
    return isIP(value)
        ? List.of()
        : List.of(FieldError.invalid(path, value, "must be a valid IP address"));
  }

  private static FieldError unspecified(String value, String path) {
    return FieldError.invalid(path, value, "may not be unspecified (" + value + ")");
  }
}
