package io.pilothouse.node.runtime;

/** The CRI container states. */
public enum ContainerState {
  CREATED,
  RUNNING,
  EXITED,
  UNKNOWN
}
