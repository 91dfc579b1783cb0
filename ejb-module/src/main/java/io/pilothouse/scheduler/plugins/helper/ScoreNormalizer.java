package io.pilothouse.scheduler.plugins.helper;

/**
 * Upstream's {@code helper.DefaultNormalizeScore}: scales scores so the highest becomes {@code
 * maxPriority} (all zero stays zero), and with {@code reverse} turns them around so that the lowest
 * raw score gets the highest normalized score.
 */
public final class ScoreNormalizer {

  private ScoreNormalizer() {}

  public static void defaultNormalize(long maxPriority, boolean reverse, long[] scores) {
    long max = 0;
    for (long score : scores) {
      max = Math.max(max, score);
    }
    if (max == 0) {
      if (reverse) {
        java.util.Arrays.fill(scores, maxPriority);
      }
      return;
    }
    for (int i = 0; i < scores.length; i++) {
      long score = maxPriority * scores[i] / max;
      scores[i] = reverse ? maxPriority - score : score;
    }
  }
}
