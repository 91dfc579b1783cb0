package io.pilothouse.controller.util;

import io.pilothouse.api.StatusException;

/**
 * The expected races of a level-triggered controller: a write that lost to another (409) or an
 * object that vanished meanwhile (404) mean "look again", not failure.
 */
public final class Conflicts {

  private Conflicts() {}

  public static boolean isRace(StatusException e) {
    return e.code() == 409 || e.code() == 404;
  }

  public static boolean isNotFound(StatusException e) {
    return e.code() == 404;
  }

  public static boolean isAlreadyExists(StatusException e) {
    return e.code() == 409 && "AlreadyExists".equals(e.reason());
  }
}
