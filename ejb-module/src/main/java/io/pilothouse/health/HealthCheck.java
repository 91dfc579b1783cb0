package io.pilothouse.health;

/**
 * One named probe of the control plane's health, as listed by {@code /readyz?verbose}. A check
 * passes by returning and fails by throwing; the exception's message says why.
 */
public interface HealthCheck {

  /** The name shown in {@code [+]name ok} and served at {@code /readyz/name}. */
  String name();

  /** Whether {@code /livez} runs it too (a failing live check means: restart me). */
  default boolean liveness() {
    return false;
  }

  /** Probes the dependency; throws when it is not usable. */
  void check() throws Exception;
}
