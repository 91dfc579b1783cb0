package io.pilothouse.node.kubelet;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Finds a container's log file for the log server, and whether it may still grow. */
public interface LogLocator {

  /** A log file, and whether its container instance is still running. */
  record LogFile(Path path, BooleanSupplier active) {}

  /** Empty with a reason in {@link LogNotFound} when the pod, container or instance is unknown. */
  Optional<LogFile> find(String namespace, String pod, String container, boolean previous)
      throws LogNotFound;

  /** Why no log can be served (404 with this message). */
  final class LogNotFound extends Exception {
    private static final long serialVersionUID = 1L;

    public LogNotFound(String message) {
      super(message);
    }
  }
}
