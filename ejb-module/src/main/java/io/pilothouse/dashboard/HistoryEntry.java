package io.pilothouse.dashboard;

import java.io.Serializable;
import java.util.List;

/**
 * One retained revision of an object: the store revision, the kind of write (ADDED, MODIFIED,
 * DELETED), when it was written and what it changed against the revision before it.
 */
public record HistoryEntry(
    long revision, String type, String writtenAt, String age, List<LineDiff.Line> diff)
    implements Serializable {

  /** How many lines were added or removed. */
  public long changedLines() {
    return diff.stream().filter(l -> l.op().equals("+") || l.op().equals("-")).count();
  }
}
