package io.pilothouse.dashboard;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;

/** Installs {@link DashboardExceptionHandler} (registered in {@code faces-config.xml}). */
public class DashboardExceptionHandlerFactory extends ExceptionHandlerFactory {

  public DashboardExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    return new DashboardExceptionHandler(getWrapped().getExceptionHandler());
  }
}
