package io.pilothouse.infrastructure;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.jms.JMSConnectionFactoryDefinition;
import jakarta.jms.JMSDestinationDefinition;

/**
 * Declares the control plane's container resources so that the application deploys with nothing
 * configured by hand: the JTA datasource of the store and the JMS connection factory and change
 * topic.
 *
 * <p>The datasource URL comes from MicroProfile Config ({@code pilothouse.database.url}, env {@code
 * PILOTHOUSE_DATABASE_URL}), defaulting to an H2 file under the data directory. The datasource is
 * declared by H2's {@code java.sql.Driver}: the container types a pool by the first of
 * XADataSource, ConnectionPoolDataSource, DataSource and Driver that the class implements, and H2's
 * {@code JdbcDataSource} is an XADataSource, which sent every transaction through the JTS
 * coordinator and a one-phase XA commit. The store is the only transactional resource (the JMS
 * connection factory is declared non-transactional), so a local transaction commits the same way at
 * a fraction of the cost.
 *
 * <p>No statement cache on the pool: {@code fish.payara.statement-cache-size=64} (to save H2
 * re-parsing statements, 4 % of the CPU under Lease churn) was tried together with changes to the
 * update transaction that made the store's duplicate-revision fault (since fixed by the write gate)
 * show in {@code ReliabilityIT}; all were reverted and not yet tried again (docs/architecture.md).
 *
 * <p>The JMS definitions suit a full application server's built-in broker; the Payara Micro WAR
 * overrides them by name in its {@code WEB-INF/ejb-jar.xml} to use the ActiveMQ resource adapter
 * and its embedded broker, so no packaging difference leaks into code.
 */
@DataSourceDefinition(
    name = ResourceNames.DATASOURCE,
    className = "org.h2.Driver",
    url = "${MPCONFIG=pilothouse.database.url}",
    user = "${MPCONFIG=pilothouse.database.user}",
    password = "${MPCONFIG=pilothouse.database.password}",
    minPoolSize = 2,
    maxPoolSize = 64,
    transactional = true)
@JMSConnectionFactoryDefinition(name = ResourceNames.CONNECTION_FACTORY)
@JMSDestinationDefinition(
    name = ResourceNames.CHANGE_TOPIC,
    interfaceName = "jakarta.jms.Topic",
    destinationName = ResourceNames.CHANGE_TOPIC_PHYSICAL_NAME)
@Singleton
public class ResourceDefinitions {}
