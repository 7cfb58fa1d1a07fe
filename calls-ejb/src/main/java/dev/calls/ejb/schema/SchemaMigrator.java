package dev.calls.ejb.schema;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jboss.logging.Logger;

/**
 * Brings the database schema to the current version with the Flyway migrations in {@code db/migration}
 * before anything else touches the data: every other startup bean {@code @DependsOn} this one, and a
 * failed migration fails the deployment instead of serving requests on a half-built schema.
 */
@Singleton
@Startup
// Flyway commits its own work on its own connections, which a container transaction would forbid.
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigrator {

    public static final String DATASOURCE = "java:jboss/datasources/CallsDS";
    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class);

    @Resource(lookup = DATASOURCE)
    private DataSource dataSource;

    @PostConstruct
    void migrate() {
        MigrateResult result = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.infof("Database schema at version %s (%d migration(s) applied now)",
                result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion,
                result.migrationsExecuted);
    }
}
