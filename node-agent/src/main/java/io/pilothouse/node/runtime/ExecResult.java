package io.pilothouse.node.runtime;

/** The outcome of a command run in a container: its exit code and combined output. */
public record ExecResult(int exitCode, String output, boolean timedOut) {

  public boolean succeeded() {
    return exitCode == 0 && !timedOut;
  }
}
