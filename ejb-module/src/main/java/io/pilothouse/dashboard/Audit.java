package io.pilothouse.dashboard;

import io.pilothouse.registry.WriteOptions;
import java.security.Principal;
import java.util.logging.Logger;

/**
 * Who did what from the dashboard: every action names its user (the identity the web layer passes
 * down, where RBAC will apply the same rules as to API requests) and writes with field manager
 * {@value #FIELD_MANAGER}.
 */
final class Audit {

  static final String FIELD_MANAGER = "pilothouse-dashboard";

  private static final Logger LOG = Logger.getLogger(Audit.class.getName());

  private Audit() {}

  /** The write options of a dashboard write, after logging it. */
  static WriteOptions write(Principal user, String what) {
    log(user, what);
    return new WriteOptions(false, WriteOptions.FieldValidation.STRICT, FIELD_MANAGER);
  }

  static void log(Principal user, String what) {
    LOG.info(() -> "dashboard user " + name(user) + ": " + what);
  }

  /** The user's name, {@code anonymous} until login exists. */
  static String name(Principal user) {
    return user == null ? "anonymous" : user.getName();
  }
}
