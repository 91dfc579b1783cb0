package io.pilothouse.infrastructure;

/**
 * JNDI names of the resources the control plane defines for itself (see {@link
 * ResourceDefinitions}).
 */
public final class ResourceNames {

  /** The store's JTA datasource; also named in persistence.xml. */
  public static final String DATASOURCE = "java:app/jdbc/pilothouse";

  /** The JMS connection factory used to publish the change feed. */
  public static final String CONNECTION_FACTORY = "java:app/jms/pilothouseConnectionFactory";

  /** The topic every committed change is announced on. */
  public static final String CHANGE_TOPIC = "java:app/jms/pilothouseChanges";

  /** The broker-side name of the change topic; MDBs subscribe by it. */
  public static final String CHANGE_TOPIC_PHYSICAL_NAME = "pilothouseChanges";

  private ResourceNames() {}
}
