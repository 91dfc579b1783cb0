package io.pilothouse.node.kubelet;

/** The outcome of one probe run, with what it saw (for the Unhealthy event). */
public record ProbeResult(boolean success, String message) {

  public static ProbeResult passed() {
    return new ProbeResult(true, "");
  }

  public static ProbeResult failed(String message) {
    return new ProbeResult(false, message);
  }
}
