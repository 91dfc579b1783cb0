package io.pilothouse.health;

/** The outcome of one {@link HealthCheck}: its name, and the failure message when it failed. */
public record CheckResult(String name, boolean passed, String failure) {

  /** Bean-style accessor, for Faces views. */
  public String getName() {
    return name;
  }

  /** Bean-style accessor, for Faces views. */
  public boolean isPassed() {
    return passed;
  }

  /** Bean-style accessor, for Faces views. */
  public String getFailure() {
    return failure;
  }

  static CheckResult passed(String name) {
    return new CheckResult(name, true, null);
  }

  static CheckResult failed(String name, String failure) {
    return new CheckResult(name, false, failure);
  }
}
