package io.pilothouse.registry.validation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Kubernetes {@code resource.Quantity} strings: parsing with upstream's grammar and error messages
 * ({@code 100m}, {@code 1.5Gi}, {@code 2e3}), comparison, integer and milli values (rounded up, as
 * upstream's {@code Value()} and {@code MilliValue()}), and the canonical form the API server
 * writes back ({@code 0.5} becomes {@code 500m}, {@code 1024Mi} becomes {@code 1Gi}).
 */
public final class Quantities {

  /** Upstream's {@code ErrFormatWrong}. */
  public static final String FORMAT_ERROR =
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

  /** Upstream's {@code ErrSuffix}. */
  public static final String SUFFIX_ERROR = "unable to parse quantity's suffix";

  /** The scale resource lists are rounded up to (milli), as {@code SetDefaults_ResourceList}. */
  public static final int MILLI_SCALE = 3;

  /** The finest scale a quantity keeps (nano). */
  public static final int NANO_SCALE = 9;

  private static final Map<String, Integer> DECIMAL_SUFFIXES =
      Map.of("n", -9, "u", -6, "m", -3, "", 0, "k", 3, "M", 6, "G", 9, "T", 12, "P", 15, "E", 18);
  private static final Map<String, Integer> BINARY_SUFFIXES =
      Map.of("Ki", 10, "Mi", 20, "Gi", 30, "Ti", 40, "Pi", 50, "Ei", 60);
  private static final String[] BINARY_NAMES = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
  private static final BigInteger KIBI = BigInteger.valueOf(1024);

  private Quantities() {}

  /** How a quantity is written, which its canonical form keeps. */
  public enum Format {
    DECIMAL_SI,
    BINARY_SI,
    DECIMAL_EXPONENT
  }

  /** A parsed quantity: its exact value and the notation it was written in. */
  public record Quantity(BigDecimal value, Format format) {}

  /** Parses {@code text} (surrounding blanks ignored) or throws with upstream's message. */
  public static Quantity parse(String text) {
    String s = text == null ? "" : text.strip();
    if (s.isEmpty()) {
      throw new IllegalArgumentException(FORMAT_ERROR);
    }
    int pos = 0;
    if (s.charAt(0) == '-' || s.charAt(0) == '+') {
      pos++;
    }
    int numberStart = pos;
    while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
      pos++;
    }
    if (pos < s.length() && s.charAt(pos) == '.') {
      pos++;
      while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
        pos++;
      }
    }
    String number = s.substring(numberStart, pos);
    String suffix = s.substring(pos);
    checkSuffixShape(suffix);
    BigDecimal magnitude = toDecimal(number);
    if (s.charAt(0) == '-') {
      magnitude = magnitude.negate();
    }
    return interpret(magnitude, suffix);
  }

  /** Upstream's message for an unparseable quantity, or null when {@code text} parses. */
  public static String error(String text) {
    try {
      parse(text);
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  /** Whether {@code text} is a valid quantity. */
  public static boolean isValid(String text) {
    return error(text) == null;
  }

  /** The exact value of a quantity. */
  public static BigDecimal decimal(String text) {
    return parse(text).value();
  }

  /** The value in thousandths, rounded up ({@code 100m} is 100, {@code 1} is 1000). */
  public static long milliValue(String text) {
    return saturate(decimal(text).movePointRight(3).setScale(0, RoundingMode.CEILING));
  }

  /** The value rounded up to an integer ({@code 1Ki} is 1024, {@code 100m} is 1). */
  public static long value(String text) {
    return saturate(decimal(text).setScale(0, RoundingMode.CEILING));
  }

  /** Compares two quantities by value. */
  public static int compare(String a, String b) {
    return decimal(a).compareTo(decimal(b));
  }

  /**
   * The canonical form of {@code text} after rounding up to {@code scale} decimal places (3 for
   * resource lists, 9 otherwise), as the API server serializes it.
   */
  public static String canonical(String text, int scale) {
    Quantity quantity = parse(text);
    BigDecimal value = quantity.value().setScale(scale, RoundingMode.UP);
    if (value.signum() == 0) {
      return "0";
    }
    Format format = quantity.format();
    if (format == Format.BINARY_SI) {
      boolean small = value.abs().compareTo(BigDecimal.valueOf(1024)) < 0;
      boolean integral = value.stripTrailingZeros().scale() <= 0;
      if (small || !integral) {
        format = Format.DECIMAL_SI;
      } else {
        return binary(value.toBigIntegerExact());
      }
    }
    return decimalForm(value, format);
  }

  private static void checkSuffixShape(String suffix) {
    int pos = 0;
    while (pos < suffix.length() && "eEinumkKMGTP".indexOf(suffix.charAt(pos)) >= 0) {
      pos++;
    }
    if (pos < suffix.length() && (suffix.charAt(pos) == '-' || suffix.charAt(pos) == '+')) {
      pos++;
    }
    while (pos < suffix.length()) {
      if (!Character.isDigit(suffix.charAt(pos))) {
        throw new IllegalArgumentException(FORMAT_ERROR);
      }
      pos++;
    }
  }

  private static BigDecimal toDecimal(String number) {
    String digits = number;
    if (digits.startsWith(".")) {
      digits = "0" + digits;
    }
    if (digits.endsWith(".")) {
      digits = digits.substring(0, digits.length() - 1);
    }
    return digits.isEmpty() ? BigDecimal.ZERO : new BigDecimal(digits);
  }

  private static Quantity interpret(BigDecimal magnitude, String suffix) {
    Integer decimal = DECIMAL_SUFFIXES.get(suffix);
    if (decimal != null) {
      return new Quantity(magnitude.scaleByPowerOfTen(decimal), Format.DECIMAL_SI);
    }
    Integer binary = BINARY_SUFFIXES.get(suffix);
    if (binary != null) {
      BigDecimal factor = new BigDecimal(BigInteger.TWO.pow(binary));
      return new Quantity(magnitude.multiply(factor), Format.BINARY_SI);
    }
    if (suffix.length() > 1 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E')) {
      try {
        int exponent = Integer.parseInt(suffix.substring(1));
        return new Quantity(magnitude.scaleByPowerOfTen(exponent), Format.DECIMAL_EXPONENT);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(SUFFIX_ERROR, e);
      }
    }
    throw new IllegalArgumentException(SUFFIX_ERROR);
  }

  private static String binary(BigInteger value) {
    BigInteger mantissa = value;
    int exponent = 0;
    while (exponent < BINARY_NAMES.length - 1 && mantissa.mod(KIBI).signum() == 0) {
      mantissa = mantissa.divide(KIBI);
      exponent++;
    }
    return mantissa + BINARY_NAMES[exponent];
  }

  private static String decimalForm(BigDecimal value, Format format) {
    BigDecimal stripped = value.stripTrailingZeros();
    BigInteger mantissa = stripped.unscaledValue();
    int exponent = -stripped.scale();
    int remainder = Math.floorMod(exponent, 3);
    mantissa = mantissa.multiply(BigInteger.TEN.pow(remainder));
    exponent -= remainder;
    if (format == Format.DECIMAL_EXPONENT) {
      return exponent == 0 ? mantissa.toString() : mantissa + "e" + exponent;
    }
    for (Map.Entry<String, Integer> entry : DECIMAL_SUFFIXES.entrySet()) {
      if (entry.getValue() == exponent) {
        return mantissa + entry.getKey();
      }
    }
    return mantissa + "e" + exponent;
  }

  private static long saturate(BigDecimal value) {
    if (value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      return Long.MAX_VALUE;
    }
    if (value.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
      return Long.MIN_VALUE;
    }
    return value.longValueExact();
  }
}
