package io.pilothouse.scheduler.framework;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns Kubernetes quantities into the integers the scheduler computes with: millicores for cpu,
 * whole units (bytes, counts) for everything else, rounded up as upstream's {@code MilliValue()}
 * and {@code Value()}. A malformed quantity counts as zero and is logged: bad data must not stop
 * the scheduler.
 */
public final class Quantities {

  private static final Logger LOG = Logger.getLogger(Quantities.class.getName());
  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

  private Quantities() {}

  /** The quantity in thousandths, rounded up (cpu: millicores). */
  public static long milliValue(Quantity quantity) {
    return toLong(quantity, true);
  }

  /** The quantity in whole units, rounded up (memory: bytes). */
  public static long value(Quantity quantity) {
    return toLong(quantity, false);
  }

  private static long toLong(Quantity quantity, boolean milli) {
    if (quantity == null || quantity.getAmount() == null) {
      return 0;
    }
    try {
      BigDecimal amount = quantity.getNumericalAmount();
      if (milli) {
        amount = amount.multiply(THOUSAND);
      }
      return amount.setScale(0, RoundingMode.CEILING).longValueExact();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "ignoring malformed quantity {0}", quantity);
      return 0;
    }
  }
}
