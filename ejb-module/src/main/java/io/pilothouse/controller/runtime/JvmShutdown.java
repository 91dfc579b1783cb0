package io.pilothouse.controller.runtime;

/**
 * Tells whether the JVM is shutting down (as opposed to the application being undeployed). During a
 * JVM shutdown Payara closes connection pools and the embedded broker in parallel with the
 * application's {@code @PreDestroy} callbacks, so a database call made there can hang in
 * EclipseLink's reconnect retries for many seconds; callers skip best-effort work instead.
 */
final class JvmShutdown {

  private JvmShutdown() {}

  /** True once the JVM has begun running its shutdown hooks. */
  static boolean inProgress() {
    Thread probe = new Thread(() -> {});
    try {
      Runtime.getRuntime().addShutdownHook(probe);
      Runtime.getRuntime().removeShutdownHook(probe);
      return false;
    } catch (IllegalStateException e) {
      return true;
    }
  }
}
