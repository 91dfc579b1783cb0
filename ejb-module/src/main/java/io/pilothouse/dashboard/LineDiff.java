package io.pilothouse.dashboard;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two texts (longest common subsequence), for showing what one revision of an object
 * changed against the one before. Unchanged lines far from a change are left out.
 */
public final class LineDiff {

  private static final int CONTEXT = 2;
  private static final int MAX_LINES = 3000;

  /** One line of a diff: {@code +} added, {@code -} removed, {@code " "} kept, {@code …} elided. */
  public record Line(String op, String text) implements Serializable {
    /** The CSS class of the line. */
    public String style() {
      return switch (op) {
        case "+" -> "ph-diff-add";
        case "-" -> "ph-diff-del";
        default -> "ph-diff-ctx";
      };
    }
  }

  private LineDiff() {}

  /** The changes that turn {@code before} into {@code after}, with a little context. */
  public static List<Line> diff(String before, String after) {
    String[] a = lines(before);
    String[] b = lines(after);
    List<Line> all = full(a, b);
    return withContext(all);
  }

  private static String[] lines(String text) {
    String[] lines = text == null || text.isEmpty() ? new String[0] : text.split("\n", -1);
    if (lines.length > MAX_LINES) {
      String[] cut = new String[MAX_LINES];
      System.arraycopy(lines, 0, cut, 0, MAX_LINES);
      return cut;
    }
    return lines;
  }

  private static List<Line> full(String[] a, String[] b) {
    int[][] lcs = new int[a.length + 1][b.length + 1];
    for (int i = a.length - 1; i >= 0; i--) {
      for (int j = b.length - 1; j >= 0; j--) {
        lcs[i][j] =
            a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<Line> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.length || j < b.length) {
      if (i < a.length && j < b.length && a[i].equals(b[j])) {
        out.add(new Line(" ", a[i++]));
        j++;
      } else if (i < a.length && (j == b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
        out.add(new Line("-", a[i++]));
      } else {
        out.add(new Line("+", b[j++]));
      }
    }
    return out;
  }

  private static List<Line> withContext(List<Line> all) {
    boolean[] keep = new boolean[all.size()];
    for (int k = 0; k < all.size(); k++) {
      if (!all.get(k).op().equals(" ")) {
        for (int c = Math.max(0, k - CONTEXT); c <= Math.min(all.size() - 1, k + CONTEXT); c++) {
          keep[c] = true;
        }
      }
    }
    List<Line> out = new ArrayList<>();
    boolean elided = false;
    for (int k = 0; k < all.size(); k++) {
      if (keep[k]) {
        out.add(all.get(k));
        elided = false;
      } else if (!elided) {
        out.add(new Line("…", ""));
        elided = true;
      }
    }
    return out;
  }
}
