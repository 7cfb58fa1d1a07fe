package dev.calls.web;

import static dev.calls.web.JsonFactory.JSON;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider every frame and body is built with. {@code JSON.createObjectBuilder()} and the
 * other {@code Json} shortcuts look the provider up anew on each call (a service-loader search through the
 * deployment's class loaders, failed class lookups included), which a join's events to a thousand members
 * paid thousands of times under the call's lock; the API's own documentation asks callers to keep it.
 */
public final class JsonFactory {

    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonFactory() {
    }
}
