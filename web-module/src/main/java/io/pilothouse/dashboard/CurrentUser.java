package io.pilothouse.dashboard;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import java.security.Principal;

/**
 * The identity of the dashboard's user, passed to every service call so that, once login and RBAC
 * arrive, the dashboard is authorized as API requests are. Anonymous until then.
 */
@RequestScoped
public class CurrentUser {

  /** The user's principal, or an anonymous one. */
  public Principal principal() {
    FacesContext faces = FacesContext.getCurrentInstance();
    Principal principal = faces == null ? null : faces.getExternalContext().getUserPrincipal();
    return principal != null ? principal : () -> "anonymous";
  }
}
