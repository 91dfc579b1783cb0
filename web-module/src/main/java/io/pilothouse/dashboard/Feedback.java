package io.pilothouse.dashboard;

import io.pilothouse.api.StatusException;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a dashboard action and reports its outcome as Faces messages: success as an info message, an
 * API refusal ({@link StatusException}) as its message plus one message per field cause (addressed
 * to {@code fieldTarget} when given, so it shows at the editor), anything else as a short error
 * while the stack trace goes to the log only.
 */
public final class Feedback {

  private static final Logger LOG = Logger.getLogger(Feedback.class.getName());

  private Feedback() {}

  /** Runs {@code action}; returns whether it succeeded. */
  public static boolean run(String success, Runnable action) {
    return run(success, null, action);
  }

  /** Runs {@code action}, addressing field causes to the component {@code fieldTarget}. */
  public static boolean run(String success, String fieldTarget, Runnable action) {
    try {
      action.run();
      if (success != null) {
        info(success);
      }
      return true;
    } catch (RuntimeException e) {
      report(e, fieldTarget);
      return false;
    }
  }

  public static void info(String text) {
    add(null, FacesMessage.SEVERITY_INFO, text, null);
  }

  public static void error(String text) {
    add(null, FacesMessage.SEVERITY_ERROR, text, null);
  }

  /** Reports a failure as messages; never shows a stack trace. */
  public static void report(Throwable failure, String fieldTarget) {
    StatusException status = statusOf(failure);
    if (status == null) {
      LOG.log(Level.WARNING, "dashboard action failed", failure);
      error("The action failed: " + failure.getClass().getSimpleName() + " (see the server log)");
      return;
    }
    add(null, FacesMessage.SEVERITY_ERROR, status.getMessage(), null);
    if (status.details() != null && status.details().causes() != null) {
      for (StatusException.Cause cause : status.details().causes()) {
        String field = cause.field() == null ? "" : cause.field();
        add(fieldTarget, FacesMessage.SEVERITY_ERROR, field, cause.message());
      }
    }
  }

  /** The StatusException a failure is or wraps, or null. */
  static StatusException statusOf(Throwable failure) {
    Throwable t = failure;
    while (t != null) {
      if (t instanceof StatusException status) {
        return status;
      }
      Throwable next = t.getCause();
      if (next == null && t instanceof EJBException ejb) {
        next = ejb.getCausedByException();
      }
      t = next == t ? null : next;
    }
    return null;
  }

  private static void add(
      String target, FacesMessage.Severity severity, String summary, String detail) {
    FacesContext.getCurrentInstance()
        .addMessage(target, new FacesMessage(severity, summary, detail));
  }
}
