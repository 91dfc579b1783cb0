package io.pilothouse.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Records core/v1 Events about objects as upstream components do (reason in UpperCamelCase, a human
 * message, type Normal or Warning, source component), through the registry like any write. Repeated
 * identical events are aggregated into one with a rising {@code count}.
 */
public interface EventRecorder {

  /** Records a Normal event. */
  void normal(HasMetadata about, String component, String reason, String message);

  /** Records a Warning event. */
  void warning(HasMetadata about, String component, String reason, String message);
}
