package io.pilothouse.dashboard;

/** Compact text for CPU millicores and memory bytes, in Kubernetes quantity notation. */
final class Units {

  private static final long KI = 1024;

  private Units() {}

  static String cpu(long millis) {
    return millis % 1000 == 0 ? Long.toString(millis / 1000) : millis + "m";
  }

  static String memory(long bytes) {
    String[] units = {"", "Ki", "Mi", "Gi", "Ti"};
    int unit = 0;
    double value = bytes;
    while (value >= KI && unit < units.length - 1) {
      value /= KI;
      unit++;
    }
    return value == Math.rint(value)
        ? (long) value + units[unit]
        : String.format(java.util.Locale.ROOT, "%.1f%s", value, units[unit]);
  }
}
