package io.pilothouse.compaction;

/**
 * One measurement of the embedded H2 database file, taken by {@link H2FileCompaction}.
 *
 * @param fileBytes the file's size
 * @param chunksFillRate the share of live data in all chunks, 0–100
 * @param fileFillRate the share of the file that chunks occupy, 0–100
 * @param rewrote whether the run rewrote chunks
 * @param millis how long the run took
 */
public record H2FileStats(
    long fileBytes, int chunksFillRate, int fileFillRate, boolean rewrote, long millis) {

  @Override
  public String toString() {
    return String.format(
        "H2 file %d MiB, %d%% of it in chunks, chunks %d%% live; rewrote: %s in %d ms",
        fileBytes >> 20, fileFillRate, chunksFillRate, rewrote, millis);
  }
}
