package dev.calls.ear;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;

/** A server system property (the product settings of CallsConfig) set through the management API, as an admin would. */
public final class ServerProperty implements AutoCloseable {

    private final ManagementClient client;
    private final ModelNode address;

    private ServerProperty(ManagementClient client, String name) {
        this.client = client;
        this.address = Operations.createAddress("system-property", name);
    }

    public static ServerProperty set(ManagementClient client, String name, String value) {
        ServerProperty property = new ServerProperty(client, name);
        property.execute(Operations.createRemoveOperation(property.address), false);
        ModelNode add = Operations.createAddOperation(property.address);
        add.get("value").set(value);
        property.execute(add, true);
        return property;
    }

    @Override
    public void close() {
        execute(Operations.createRemoveOperation(address), true);
    }

    private void execute(ModelNode operation, boolean mustSucceed) {
        try {
            ModelNode result = client.getControllerClient().execute(operation);
            if (mustSucceed && !Operations.isSuccessfulOutcome(result)) {
                throw new IllegalStateException(Operations.getFailureDescription(result).asString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
