package io.pilothouse.dashboard;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.PhaseId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * Turns any exception a dashboard request raises into a message (growl) instead of a stack trace:
 * before rendering, the page is rendered again with the message; during rendering, the browser is
 * sent to the error page. An expired view simply reloads the page the user asked for.
 */
public class DashboardExceptionHandler extends ExceptionHandlerWrapper {

  public DashboardExceptionHandler(ExceptionHandler wrapped) {
    super(wrapped);
  }

  @Override
  public void handle() {
    FacesContext context = FacesContext.getCurrentInstance();
    Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
    while (events.hasNext()) {
      Throwable failure = events.next().getContext().getException();
      events.remove();
      if (context.getCurrentPhaseId() == PhaseId.RENDER_RESPONSE
          || failure instanceof jakarta.faces.application.ViewExpiredException) {
        redirect(context, failure);
      } else {
        Feedback.report(failure, null);
        context.renderResponse();
      }
    }
    getWrapped().handle();
  }

  private static void redirect(FacesContext context, Throwable failure) {
    try {
      var external = context.getExternalContext();
      String target =
          failure instanceof jakarta.faces.application.ViewExpiredException
              ? external.getRequestContextPath()
                  + external.getRequestServletPath()
                  + external.getRequestPathInfo()
              : external.getRequestContextPath() + "/dashboard/error.xhtml";
      if (!context.getPartialViewContext().isAjaxRequest() && external.isResponseCommitted()) {
        return;
      }
      external.redirect(target);
      context.responseComplete();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
