package io.pilothouse.printing;

/**
 * A {@code TableRowCondition}: marks a row whose object has run to completion, which clients may
 * show with less emphasis. Only pods in a terminal phase carry one.
 */
record RowCondition(String type, String status, String reason, String message) {

  static final RowCondition POD_SUCCEEDED =
      new RowCondition("Completed", "True", "Succeeded", "The pod has completed successfully.");
  static final RowCondition POD_FAILED =
      new RowCondition("Completed", "True", "Failed", "The pod failed.");
}
