package dev.calls.ear;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;
import org.jboss.dmr.Property;

/**
 * Edits the running server through its management API, as an admin does in the console or the CLI:
 * configuration properties of the media resource adapter, then a reload.
 */
public final class ServerConfig {

    private static final Duration RELOAD_PATIENCE = Duration.ofSeconds(120);

    private final ModelControllerClient client;

    public ServerConfig(ModelControllerClient client) {
        this.client = client;
    }

    /** Sets the adapter property, adding it when it was never set (the console does the same). */
    public void setAdapterProperty(String name, String value) {
        ModelNode address = propertyAddress(name);
        ModelNode read = operation("read-resource", address);
        if ("success".equals(execute(read).get("outcome").asString())) {
            ModelNode write = operation("write-attribute", address);
            write.get("name").set("value");
            write.get("value").set(value);
            expectSuccess(write);
        } else {
            ModelNode add = operation("add", address);
            add.get("value").set(value);
            expectSuccess(add);
        }
    }

    /** The property's registered value; empty when it is not registered. */
    public Optional<String> adapterProperty(String name) {
        ModelNode read = execute(operation("read-resource", propertyAddress(name)));
        if (!"success".equals(read.get("outcome").asString())) {
            return Optional.empty();
        }
        ModelNode value = read.get("result", "value");
        return value.isDefined() ? Optional.of(value.asString()) : Optional.empty();
    }

    /** Every registered property with its value, as the console lists them. */
    public Map<String, String> adapterProperties() {
        ModelNode read = operation("read-children-resources", adapterAddress());
        read.get("child-type").set("config-properties");
        Map<String, String> properties = new TreeMap<>();
        for (Property property : expectSuccess(read).get("result").asPropertyList()) {
            properties.put(property.getName(), property.getValue().get("value").asString());
        }
        return properties;
    }

    /** Puts back a value {@link #adapterProperty} read: sets it, or removes the property when it was not registered. */
    public void restoreAdapterProperty(String name, Optional<String> value) {
        if (value.isPresent()) {
            setAdapterProperty(name, value.get());
            return;
        }
        ModelNode address = propertyAddress(name);
        if ("success".equals(execute(operation("read-resource", address)).get("outcome").asString())) {
            expectSuccess(operation("remove", address));
        }
    }

    /** Reloads the server and waits until it runs again. */
    public void reload() throws InterruptedException {
        try {
            ModelNode result = client.execute(operation("reload", new ModelNode().setEmptyList()));
            if (!"success".equals(result.get("outcome").asString())) {
                throw new AssertionError("reload failed: " + result);
            }
        } catch (IOException e) {
            // The server may close the management connection for the reload before its answer is sent:
            // the reload is under way all the same, so wait for it below.
        }
        Instant deadline = Instant.now().plus(RELOAD_PATIENCE);
        Thread.sleep(500);
        while (Instant.now().isBefore(deadline)) {
            try {
                ModelNode state = operation("read-attribute", new ModelNode().setEmptyList());
                state.get("name").set("server-state");
                ModelNode result = client.execute(state);
                if ("running".equals(result.get("result").asString())) {
                    return;
                }
            } catch (IOException | RuntimeException e) {
                // The management interface is restarting: ask again.
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the server did not come back within " + RELOAD_PATIENCE);
    }

    private static ModelNode adapterAddress() {
        ModelNode address = new ModelNode();
        address.add("subsystem", "resource-adapters");
        address.add("resource-adapter", "calls-media");
        return address;
    }

    private static ModelNode propertyAddress(String name) {
        ModelNode address = adapterAddress();
        address.add("config-properties", name);
        return address;
    }

    private static ModelNode operation(String name, ModelNode address) {
        ModelNode operation = new ModelNode();
        operation.get("operation").set(name);
        operation.get("address").set(address);
        return operation;
    }

    private ModelNode expectSuccess(ModelNode operation) {
        ModelNode result = execute(operation);
        if (!"success".equals(result.get("outcome").asString())) {
            throw new AssertionError(operation + " failed: " + result);
        }
        return result;
    }

    private ModelNode execute(ModelNode operation) {
        try {
            return client.execute(operation);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
