package io.pilothouse.bootstrap;

import io.pilothouse.registry.StoreSettings;
import io.pilothouse.store.jpa.JpaObjectStore;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Logger;

/**
 * Prepares the store when the control plane starts: creates the revision counters of a fresh
 * database (so concurrent first writers cannot race to create them) and logs where the store
 * stands.
 */
@Singleton
@Startup
public class StoreInitializer {

  private static final Logger LOG = Logger.getLogger(StoreInitializer.class.getName());

  @PersistenceContext(unitName = "pilothouse")
  private EntityManager em;

  @Inject private StoreSettings settings;

  @PostConstruct
  void initialize() {
    JpaObjectStore store = settings.store(em);
    long repaired = store.initialize();
    if (repaired > 0) {
      LOG.warning(
          "the revision counter was "
              + repaired
              + " behind the written revisions (a lost counter update); raised it");
    }
    LOG.info(
        "store ready on "
            + settings.dialect().name()
            + " at revision "
            + store.currentRevision()
            + " (compacted "
            + store.compactedRevision()
            + ")");
  }
}
