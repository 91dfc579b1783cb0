package io.pilothouse.store.jpa;

import io.pilothouse.store.ObjectKey;
import io.pilothouse.store.ObjectRevision;
import io.pilothouse.store.ObjectStore;
import io.pilothouse.store.StoreEvent;
import io.pilothouse.store.StoredObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The database the store contract tests run against: the real {@code pilothouse} persistence unit,
 * switched to RESOURCE_LOCAL and pointed at an H2 file under {@code target/}, or at the JDBC URL in
 * the system property {@value #URL_PROPERTY} (user and password in {@code .user} and {@code
 * .password}); the dialect follows the URL.
 */
final class TestDatabase implements AutoCloseable {

  static final String URL_PROPERTY = "pilothouse.store.test.jdbcUrl";
  private static final String[] TABLES = {
    "ph_label", "ph_field", "ph_owner", "ph_history", "ph_event", "ph_object", "ph_counter"
  };

  private final String url;
  private final SqlDialect dialect;
  private final StoreConfig config;
  private EntityManagerFactory emf;

  private TestDatabase(String url, StoreConfig config) {
    this.url = url;
    this.dialect = SqlDialect.forJdbcUrl(url);
    this.config = config;
    this.emf = createFactory();
  }

  /** Opens the database named {@code name} (H2) or the configured one, emptied. */
  static TestDatabase open(String name) {
    return open(name, StoreConfig.DEFAULT);
  }

  static TestDatabase open(String name, StoreConfig config) {
    String configured = System.getProperty(URL_PROPERTY);
    String url = configured != null ? configured : h2Url(name);
    TestDatabase db = new TestDatabase(url, config);
    db.clear();
    return db;
  }

  private static String h2Url(String name) {
    Path file = Path.of("target", "h2db", name).toAbsolutePath();
    return "jdbc:h2:file:" + file + ";LOCK_TIMEOUT=30000";
  }

  private EntityManagerFactory createFactory() {
    Map<String, Object> props = new HashMap<>();
    props.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
    props.put("jakarta.persistence.jtaDataSource", "");
    props.put("jakarta.persistence.jdbc.url", url);
    if (dialect == SqlDialect.H2) {
      props.put("jakarta.persistence.jdbc.driver", "org.h2.Driver");
    }
    props.put("jakarta.persistence.jdbc.user", System.getProperty(URL_PROPERTY + ".user", "sa"));
    props.put(
        "jakarta.persistence.jdbc.password", System.getProperty(URL_PROPERTY + ".password", ""));
    props.put("eclipselink.connection-pool.default.max", "80");
    props.put("eclipselink.connection-pool.read.max", "80");
    props.put(
        "eclipselink.logging.level", System.getProperty("eclipselink.logging.level", "WARNING"));
    return Persistence.createEntityManagerFactory("pilothouse", props);
  }

  /** Closes and reopens the factory, as a server restart would. */
  void restart() {
    emf.close();
    emf = createFactory();
  }

  /** Deletes every row of every store table. */
  void clear() {
    inTransaction(
        em -> {
          for (String table : TABLES) {
            em.createNativeQuery("DELETE FROM " + table).executeUpdate();
          }
        });
  }

  /** Runs work on a store in a transaction of its own: commits on return, rolls back on throw. */
  <T> T inStore(Function<ObjectStore, T> work) {
    return inTransactionResult(em -> work.apply(store(em)));
  }

  void withStore(Consumer<ObjectStore> work) {
    inStore(
        s -> {
          work.accept(s);
          return null;
        });
  }

  JpaObjectStore store(EntityManager em) {
    return new JpaObjectStore(em, dialect, config);
  }

  void inTransaction(Consumer<EntityManager> work) {
    inTransactionResult(
        em -> {
          work.accept(em);
          return null;
        });
  }

  <T> T inTransactionResult(Function<EntityManager, T> work) {
    EntityManager em = emf.createEntityManager();
    try {
      em.getTransaction().begin();
      T result = work.apply(em);
      em.getTransaction().commit();
      return result;
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      em.close();
    }
  }

  Optional<StoredObject> get(ObjectKey key) {
    return inStore(s -> s.get(key));
  }

  long currentRevision() {
    return inStore(ObjectStore::currentRevision);
  }

  long compactedRevision() {
    return inStore(ObjectStore::compactedRevision);
  }

  List<StoreEvent> eventsAfter(long revision, int max) {
    return inStore(s -> s.eventsAfter(revision, max));
  }

  List<ObjectRevision> history(ObjectKey key, int max) {
    return inStore(s -> s.history(key, max));
  }

  long compact(long keep) {
    return inStore(s -> s.compact(keep));
  }

  EntityManagerFactory factory() {
    return emf;
  }

  SqlDialect dialect() {
    return dialect;
  }

  long count(String table) {
    return inTransactionResult(
        em ->
            ((Number) em.createNativeQuery("SELECT COUNT(*) FROM " + table).getSingleResult())
                .longValue());
  }

  @Override
  public void close() {
    emf.close();
  }
}
