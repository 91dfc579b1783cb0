package io.pilothouse.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Percentiles of latency samples (nanoseconds) and small fixed-width tables for the report. */
final class Stats {

  private Stats() {}

  /** Latency percentiles of samples in nanoseconds, in milliseconds. */
  record Latency(int count, double p50, double p90, double p99, double max) {

    static Latency of(long[] nanos) {
      long[] sorted = nanos.clone();
      Arrays.sort(sorted);
      return new Latency(
          sorted.length,
          ms(percentile(sorted, 50)),
          ms(percentile(sorted, 90)),
          ms(percentile(sorted, 99)),
          ms(sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
    }

    static Latency of(List<Long> nanos) {
      return of(nanos.stream().mapToLong(Long::longValue).toArray());
    }
  }

  /** Nearest-rank percentile of sorted samples. */
  static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  static double ms(long nanos) {
    return nanos / 1e6;
  }

  static String f1(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  static String f0(double value) {
    return String.format(Locale.ROOT, "%,.0f", value);
  }

  /** A small table: a header row, a rule, and the rows, columns right-aligned. */
  static final class Table {
    private final String title;
    private final String[] header;
    private final List<String[]> rows = new ArrayList<>();

    Table(String title, String... header) {
      this.title = title;
      this.header = header;
    }

    Table row(Object... cells) {
      String[] row = new String[cells.length];
      for (int i = 0; i < cells.length; i++) {
        row[i] = String.valueOf(cells[i]);
      }
      rows.add(row);
      return this;
    }

    void print() {
      int[] width = new int[header.length];
      for (int i = 0; i < header.length; i++) {
        width[i] = header[i].length();
        for (String[] row : rows) {
          width[i] = Math.max(width[i], row[i].length());
        }
      }
      StringBuilder out = new StringBuilder("\n").append(title).append('\n');
      line(out, header, width);
      for (int i = 0; i < width.length; i++) {
        out.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
      }
      out.append('\n');
      rows.forEach(row -> line(out, row, width));
      System.out.print(out);
      System.out.flush();
    }

    private static void line(StringBuilder out, String[] cells, int[] width) {
      for (int i = 0; i < cells.length; i++) {
        String cell = cells[i];
        out.append(i == 0 ? "" : "  ");
        if (i == 0) {
          out.append(cell).append(" ".repeat(width[i] - cell.length()));
        } else {
          out.append(" ".repeat(width[i] - cell.length())).append(cell);
        }
      }
      out.append('\n');
    }
  }

  /** Prints the one-line summary of a scenario: figure, target, met or missed. */
  /** A summary line for a diagnostic that has no target (so no verdict either). */
  static void summary(String scenario, String figure) {
    System.out.printf("SUMMARY %s: %s (diagnostic, no target)%n", scenario, figure);
    System.out.flush();
  }

  static void summary(String scenario, String figure, String target, boolean met) {
    System.out.printf(
        "SUMMARY %s: %s (target %s) -> %s%n", scenario, figure, target, met ? "MET" : "MISSED");
    System.out.flush();
  }
}
