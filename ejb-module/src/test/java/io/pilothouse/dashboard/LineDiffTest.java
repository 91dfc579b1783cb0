package io.pilothouse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The history diff: added and removed lines with a little context, far lines elided. */
class LineDiffTest {

  @Test
  void marksAddedAndRemovedLinesWithContext() {
    String before = "a\nb\nc\nd\ne\nf\ng\nh";
    String after = "a\nb\nc\nd\ne\nF\ng\nh";
    List<LineDiff.Line> diff = LineDiff.diff(before, after);
    assertThat(diff)
        .extracting(l -> l.op() + l.text())
        .containsExactly("…", " d", " e", "-f", "+F", " g", " h");
  }

  @Test
  void aFirstRevisionIsAllAdded() {
    assertThat(LineDiff.diff("", "x\ny")).extracting(LineDiff.Line::op).containsOnly("+");
  }
}
