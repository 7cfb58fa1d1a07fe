package dev.calls.ear;

import static dev.calls.ear.SignalingClient.data;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;

/**
 * A clean reload of the server in the middle of a call: before its WebSockets go, every participant hears
 * {@code call_end} with the reason {@code server_shutdown}, then the socket closes with 1001 (going away);
 * once the server is back, the call's record ends within 2 s of the reload's start and no call runs.
 */
class ShutdownDrainIT extends DeployedEar {

    private static final long RECORD_TOLERANCE_MILLIS = 2000;

    @ArquillianResource
    ManagementClient management;

    @Test
    void aReloadEndsTheCallForEveryoneBeforeClosingTheirSocketsAndRecordsItsEnd() throws Exception {
        String channel;
        String callId;
        SignalingUsers.User a;
        long reloadStart;
        try (SignalingUsers users = new SignalingUsers(base)) {
            a = users.user("system_user");
            SignalingUsers.User b = users.user("system_user");
            channel = users.channel(a, b);
            SignalingClient ca = users.connect(a);
            SignalingClient cb = users.connect(b);
            callId = ca.ok("join", SignalingUsers.join(channel)).getString("call_id");
            cb.ok("join", SignalingUsers.join(channel));
            assertEquals(2, cb.ok("call_state", data().add("channel_id", channel).build()).getJsonArray("sessions").size());

            reloadStart = System.currentTimeMillis();
            new ServerConfig(management.getControllerClient()).reload();

            for (SignalingClient client : new SignalingClient[] {ca, cb}) {
                assertEquals(1001, client.awaitClose(), "the socket closes as the server goes away");
                JsonObject end = client.findEvent("call_end", d -> callId.equals(d.getString("call_id")));
                assertNotNull(end, "call_end came before the close: " + client.names());
                assertEquals("server_shutdown", end.getString("reason"));
            }
        }

        Api api = new Api(base);
        JsonObject record = api.get("calls/history?channel_id=" + channel, a.token()).expect(200).array().getJsonObject(0);
        assertEquals(callId, record.getString("id"));
        long endAt = record.getJsonNumber("end_at").longValue();
        assertTrue(endAt >= reloadStart && endAt - reloadStart <= RECORD_TOLERANCE_MILLIS,
                "the record ends when the reload began: end_at " + endAt + ", reload at " + reloadStart);
        assertTrue(api.get("calls", a.token()).expect(200).array().isEmpty(), "no ghost call is running");
    }
}
