package dev.calls.ear;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.jboss.as.arquillian.api.ReloadIfRequired;
import org.jboss.as.arquillian.api.ServerSetupTask;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.Operation;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;

/**
 * Points the server's CallsDS at the PostgreSQL named by {@code calls.test.postgres.url} (user and password
 * {@code calls.test.postgres.user} / {@code .password}) before the EAR is deployed: registers the driver from the
 * {@code org.postgresql} module and rewrites the datasource, then reloads the server. Idempotent, so every
 * PostgreSQL test class can carry it; the schema, emptied once per run, then comes from the same Flyway migrations
 * as on H2.
 */
@ReloadIfRequired(value = 180, timeUnit = TimeUnit.SECONDS)
public class UsePostgreSQL implements ServerSetupTask {

    @Override
    public void setup(ManagementClient client, String containerId) throws Exception {
        ModelNode driver = Operations.createAddress("subsystem", "datasources", "jdbc-driver", "postgresql");
        if (!Operations.isSuccessfulOutcome(client.getControllerClient().execute(Operations.createReadResourceOperation(driver)))) {
            ModelNode add = Operations.createAddOperation(driver);
            add.get("driver-name").set("postgresql");
            add.get("driver-module-name").set("org.postgresql");
            add.get("driver-class-name").set("org.postgresql.Driver");
            execute(client, add);
        }
        String url = System.getProperty("calls.test.postgres.url");
        String user = System.getProperty("calls.test.postgres.user", "calls_test");
        String password = System.getProperty("calls.test.postgres.password", "calls_test");
        FreshPostgresSchema.once(url, user, password);
        ModelNode ds = Operations.createAddress("subsystem", "datasources", "data-source", "CallsDS");
        Operations.CompositeOperationBuilder change = Operations.CompositeOperationBuilder.create();
        change.addStep(Operations.createWriteAttributeOperation(ds, "driver-name", "postgresql"));
        change.addStep(Operations.createWriteAttributeOperation(ds, "connection-url", url));
        change.addStep(Operations.createWriteAttributeOperation(ds, "user-name", user));
        change.addStep(Operations.createWriteAttributeOperation(ds, "password", password));
        execute(client, change.build().getOperation());
    }

    @Override
    public void tearDown(ManagementClient client, String containerId) {
        // The PostgreSQL server stays configured for the next PostgreSQL test class.
    }

    private static void execute(ManagementClient client, ModelNode operation) throws IOException {
        ModelNode result = client.getControllerClient().execute(Operation.Factory.create(operation));
        if (!Operations.isSuccessfulOutcome(result)) {
            throw new IllegalStateException("Could not configure PostgreSQL: " + Operations.getFailureDescription(result));
        }
    }
}
