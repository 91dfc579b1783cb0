package io.pilothouse.scheduler.framework;

/**
 * A scheduler plugin: one package, one {@code NAME}, one entry in the {@link Registry}. A plugin
 * takes part in a scheduling cycle by implementing one or more extension point interfaces ({@link
 * PreFilterPlugin}, {@link FilterPlugin}, {@link ScorePlugin}, …).
 */
public interface Plugin {

  /** The plugin's name, as upstream spells it (e.g. "NodeResourcesFit"). */
  String name();
}
