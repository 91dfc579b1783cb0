package io.pilothouse.store.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pilothouse.store.IndexedFields;
import io.pilothouse.store.ObjectKey;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link JpaObjectStore#initialize()} switches off H2's re-use of previous query results, whose
 * race (h2database issue 4208) let two writes take the same revision, whatever the JDBC URL says;
 * raises a counter left behind; and converts bodies an earlier version stored as CLOBs.
 */
class H2StartupTest {

  private static TestDatabase db;

  @BeforeAll
  static void open() {
    db = TestDatabase.open("h2-startup");
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void initializeSwitchesOffQueryResultReuse() {
    assumeTrue(db.dialect() == SqlDialect.H2, "H2 only");
    db.inTransaction(em -> h2Session(em).getDatabase().setOptimizeReuseResults(true));

    db.inTransaction(em -> db.store(em).initialize());

    db.inTransaction(
        em -> assertThat(h2Session(em).getDatabase().getOptimizeReuseResults()).isFalse());
  }

  @Test
  void initializeDropsTheRetiredIndexesOfAnOlderDatabase() {
    db.inTransaction(
        em -> {
          em.createNativeQuery("CREATE INDEX IF NOT EXISTS ph_field_obj_ix ON ph_field (obj_id)")
              .executeUpdate();
          em.createNativeQuery("CREATE INDEX IF NOT EXISTS ph_label_obj_ix ON ph_label (obj_id)")
              .executeUpdate();
        });
    assertThat(indexes()).contains("PH_FIELD_OBJ_IX", "PH_LABEL_OBJ_IX");

    db.inTransaction(em -> db.store(em).initialize());

    assertThat(indexes())
        .doesNotContain("PH_FIELD_OBJ_IX", "PH_LABEL_OBJ_IX", "PH_OWNER_OBJ_IX")
        .contains("PH_FIELD_IX", "PH_LABEL_IX", "PH_OWNER_IX");
  }

  @SuppressWarnings("unchecked")
  private java.util.List<String> indexes() {
    java.util.List<String> names = new java.util.ArrayList<>();
    db.inTransaction(
        em ->
            names.addAll(
                em.createNativeQuery(
                        "SELECT UPPER(INDEX_NAME) FROM INFORMATION_SCHEMA.INDEXES WHERE"
                            + " UPPER(TABLE_NAME) IN ('PH_FIELD', 'PH_LABEL', 'PH_OWNER')")
                    .getResultList()));
    return names;
  }

  @Test
  void initializeRaisesARevisionCounterLeftBehindTheEventLog() {
    db.clear();
    db.inTransaction(em -> db.store(em).initialize());
    ObjectKey key = ObjectKey.namespaced("", "configmaps", "default", "counter");
    db.withStore(s -> s.create(key, "uid", "{}", IndexedFields.EMPTY));
    db.withStore(s -> s.update(key, 0, "{\"n\":1}", IndexedFields.EMPTY));
    long written = db.currentRevision();
    // the state the H2 race left: the last write committed, its counter update lost
    db.inTransaction(
        em ->
            em.createQuery("UPDATE CounterRow c SET c.counterValue = :v WHERE c.id = 'revision'")
                .setParameter("v", written - 1)
                .executeUpdate());

    long raised = db.inTransactionResult(em -> db.store(em).initialize());

    assertThat(raised).isEqualTo(1);
    assertThat(db.currentRevision()).isEqualTo(written);
    db.withStore(s -> s.update(key, 0, "{\"n\":2}", IndexedFields.EMPTY));
    assertThat(db.currentRevision()).isEqualTo(written + 1);
    long again = db.inTransactionResult(em -> db.store(em).initialize());
    assertThat(again).isZero();
  }

  @Test
  void initializeConvertsBodiesLeftAsClobsByEarlierVersions() {
    assumeTrue(db.dialect() == SqlDialect.H2, "H2 only");
    db.clear();
    db.inTransaction(em -> db.store(em).initialize());
    ObjectKey key = ObjectKey.namespaced("", "configmaps", "default", "from-before");
    String body = "{\"data\":\"" + "x".repeat(2000) + "\"}";
    db.withStore(s -> s.create(key, "uid", body, IndexedFields.EMPTY));
    // the schema of a database created while bodies were CLOBs
    db.inTransaction(
        em -> {
          for (String column : new String[] {"obj_body", "obj_indexed"}) {
            em.createNativeQuery(
                    "ALTER TABLE ph_object ALTER COLUMN " + column + " SET DATA TYPE CLOB")
                .executeUpdate();
          }
        });
    assertThat(columnType("OBJ_BODY")).isEqualTo("CHARACTER LARGE OBJECT");

    db.inTransaction(em -> db.store(em).initialize());

    assertThat(columnType("OBJ_BODY")).isEqualTo("CHARACTER VARYING");
    assertThat(columnType("OBJ_INDEXED")).isEqualTo("CHARACTER VARYING");
    db.withStore(s -> assertThat(s.get(key).orElseThrow().body()).isEqualTo(body));
    long types =
        db.inTransactionResult(
            em ->
                (Long)
                    em.createNativeQuery(
                            "SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA ="
                                + " CURRENT_SCHEMA AND DATA_TYPE = 'CHARACTER LARGE OBJECT'")
                        .getSingleResult());
    assertThat(types).isZero();
  }

  private static String columnType(String column) {
    return db.inTransactionResult(
        em ->
            (String)
                em.createNativeQuery(
                        "SELECT DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA ="
                            + " CURRENT_SCHEMA AND TABLE_NAME = 'PH_OBJECT' AND COLUMN_NAME = ?")
                    .setParameter(1, column)
                    .getSingleResult());
  }

  private static SessionLocal h2Session(EntityManager em) {
    try {
      Connection connection = em.unwrap(Connection.class);
      return (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
