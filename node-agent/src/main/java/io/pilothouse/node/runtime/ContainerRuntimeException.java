package io.pilothouse.node.runtime;

/** A runtime operation failed (sandbox directory not writable, no free pod IP, …). */
public class ContainerRuntimeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ContainerRuntimeException(String message) {
    super(message);
  }

  public ContainerRuntimeException(String message, Throwable cause) {
    super(message, cause);
  }
}
