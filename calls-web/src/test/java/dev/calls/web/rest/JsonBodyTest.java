package dev.calls.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.calls.ejb.error.CallsException;
import dev.calls.limits.Limit;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class JsonBodyTest {

    @Test
    void readsFieldsAndIgnoresUnknownOnes() {
        JsonObject body = JsonBody.object("{\"name\":\"a\",\"on\":true,\"off\":false,\"extra\":[1,2],\"nothing\":null}");
        assertEquals("a", JsonBody.string(body, "name", true));
        assertTrue(JsonBody.bool(body, "on"));
        assertFalse(JsonBody.bool(body, "off"));
        assertNull(JsonBody.string(body, "nothing", false));
        assertNull(JsonBody.string(body, "absent", false));
        assertEquals(List.of("x", "y"), JsonBody.strings(JsonBody.array("[\"x\",\"y\"]")));
    }

    @Test
    void malformedOrEmptyBodiesAreBadRequests() {
        for (String body : new String[] {null, "", "  ", "{", "{\"a\":}", "nope", "{\"a\":1}}", "[1,"}) {
            assertBadRequest(() -> JsonBody.object(body));
        }
    }

    @Test
    void wrongShapesAndTypesAreBadRequests() {
        assertBadRequest(() -> JsonBody.object("[1]"));
        assertBadRequest(() -> JsonBody.array("{\"a\":1}"));
        assertBadRequest(() -> JsonBody.strings(JsonBody.array("[\"a\",2]")));
        JsonObject body = JsonBody.object("{\"name\":5,\"on\":\"yes\"}");
        assertBadRequest(() -> JsonBody.string(body, "name", true));
        assertBadRequest(() -> JsonBody.string(body, "missing", true));
        assertBadRequest(() -> JsonBody.bool(body, "on"));
        assertBadRequest(() -> JsonBody.bool(body, "missing"));
    }

    @Test
    void nestingIsBoundedByTheLimit() {
        int max = Limit.JSON_DEPTH.value();
        assertEquals(max, depthOf(JsonBody.object(nested(max))));
        assertBadRequest(() -> JsonBody.object(nested(max + 1)));
        assertBadRequest(() -> JsonBody.object(nested(1001)));
        assertBadRequest(() -> JsonBody.array("[".repeat(100_000)));
    }

    /** {"a":{"a":...{}}} with {@code depth} objects. */
    private static String nested(int depth) {
        return "{\"a\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
    }

    private static int depthOf(JsonObject object) {
        return object.containsKey("a") ? 1 + depthOf(object.getJsonObject("a")) : 1;
    }

    private static void assertBadRequest(Executable read) {
        CallsException e = assertThrows(CallsException.class, read);
        assertEquals(400, e.status());
        assertEquals("api.context.invalid_body_param", e.id());
    }
}
