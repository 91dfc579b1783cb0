package io.pilothouse.dashboard;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Sends {@code /dashboard} and {@code /dashboard/} to the overview page. */
@WebFilter(urlPatterns = {"/dashboard", "/dashboard/"})
public class DashboardEntryFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.sendRedirect(request.getContextPath() + "/dashboard/index.xhtml");
  }
}
