package io.pilothouse.dashboard;

import java.io.Serializable;
import java.util.List;

/** One page of a dashboard table: its rows and how many rows match in all. */
public record Page<T>(List<T> rows, long total) implements Serializable {

  public Page {
    rows = List.copyOf(rows);
  }
}
