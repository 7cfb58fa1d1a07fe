package dev.calls.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The EAR deploys, answers the health check as the contract says, and its media engine holds the UDP port. */
@ExtendWith(ArquillianExtension.class)
class SystemPingIT {

    @Deployment(testable = false, name = CallsEar.NAME)
    static EnterpriseArchive ear() {
        return CallsEar.built();
    }

    @ArquillianResource
    URL base;

    @Test
    void pingReportsTheRunningMediaEngine() {
        Http.Reply reply = Http.get(base, "api/v1/system/ping");

        assertEquals(200, reply.status(), reply.body());
        JsonObject body = reply.json();
        assertEquals("OK", body.getString("status"));
        assertTrue(body.getString("version").matches("\\d+\\.\\d+\\.\\d+.*"), body.toString());
        JsonObject media = body.getJsonObject("media");
        assertEquals(MediaPort.DEFAULT, media.getInt("udp_port"));
        assertFalse(media.getString("advertised_address").isBlank(), body.toString());
        assertEquals(0, media.getInt("sessions"));
    }

    @Test
    void mediaEngineHoldsItsUdpPort() {
        assertTrue(MediaPort.isBound(MediaPort.DEFAULT), "the engine should have bound UDP " + MediaPort.DEFAULT);
    }

    @Test
    void pingIsServedUnderTheContextRootCalls() {
        assertTrue(base.getPath().startsWith("/calls"), base.toString());
    }
}
