package io.pilothouse.store;

import java.util.List;

/**
 * One page of a list. {@code revision} is the revision the list (its first page) was taken at: a
 * watch started from it misses nothing. {@code continueToken} is {@code null} on the last page;
 * {@code remainingItemCount} counts the matching objects after this page, or is {@code null} when
 * there are none.
 */
public record ListResult(
    List<StoredObject> items, long revision, String continueToken, Long remainingItemCount) {

  public ListResult {
    items = List.copyOf(items);
  }
}
