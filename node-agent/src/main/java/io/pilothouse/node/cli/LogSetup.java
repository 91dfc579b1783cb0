package io.pilothouse.node.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * One line per log record on stderr ({@code time LEVEL logger: message}); a throwable adds only its
 * class and message unless {@code --verbose}, so a server that is down never floods the log with
 * stack traces. fabric8's own logging is kept at WARNING.
 */
public final class LogSetup {

  private LogSetup() {}

  public static void configure(boolean verbose) {
    LogManager.getLogManager().reset();
    Logger root = Logger.getLogger("");
    ConsoleHandler handler = new ConsoleHandler();
    handler.setLevel(verbose ? Level.FINE : Level.INFO);
    handler.setFormatter(new OneLine(verbose));
    root.addHandler(handler);
    root.setLevel(Level.INFO);
    Logger.getLogger("io.pilothouse").setLevel(verbose ? Level.FINE : Level.INFO);
    Logger.getLogger("io.fabric8").setLevel(verbose ? Level.FINE : Level.WARNING);
  }

  /** The one-line format. */
  static final class OneLine extends Formatter {
    private final boolean stackTraces;

    OneLine(boolean stackTraces) {
      this.stackTraces = stackTraces;
    }

    @Override
    public String format(LogRecord r) {
      String name = r.getLoggerName() == null ? "" : r.getLoggerName();
      String shortName = name.substring(name.lastIndexOf('.') + 1);
      StringBuilder line =
          new StringBuilder()
              .append(Instant.ofEpochMilli(r.getMillis()))
              .append(' ')
              .append(String.format("%-7s", r.getLevel().getName()))
              .append(' ')
              .append(shortName)
              .append(": ")
              .append(formatMessage(r));
      Throwable t = r.getThrown();
      if (t != null) {
        if (stackTraces) {
          StringWriter w = new StringWriter();
          t.printStackTrace(new PrintWriter(w));
          line.append('\n').append(w);
        } else {
          line.append(" (")
              .append(t.getClass().getSimpleName())
              .append(": ")
              .append(String.valueOf(t.getMessage()).lines().findFirst().orElse(""))
              .append(')');
        }
      }
      return line.append('\n').toString();
    }
  }
}
