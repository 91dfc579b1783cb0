package io.pilothouse.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pilothouse.compaction.CompactionTimer;
import jakarta.inject.Inject;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The store's compaction runs as an EJB interval timer in the deployed application. */
@ExtendWith(ArquillianExtension.class)
class CompactionTimerIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.pilothouseWar().addClasses(CompactionTimerIT.class, Deployments.class, Poll.class);
  }

  @Inject CompactionTimer timer;

  @Test
  void timerFiresRepeatedly() {
    long before = timer.runs();
    assertTrue(
        Poll.until(Duration.ofSeconds(20), () -> timer.runs() >= before + 2),
        "the compaction timer did not fire twice in 20 s");
  }
}
