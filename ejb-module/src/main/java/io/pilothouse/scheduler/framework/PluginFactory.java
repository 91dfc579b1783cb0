package io.pilothouse.scheduler.framework;

/** Builds a plugin instance for one framework (one profile). */
@FunctionalInterface
public interface PluginFactory {

  Plugin create(Handle handle);
}
