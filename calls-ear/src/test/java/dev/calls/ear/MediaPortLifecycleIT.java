package dev.calls.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The resource adapter's life follows the deployment: undeploying releases the UDP port, and a port held
 * by someone else makes the health check say UNHEALTHY until it is free, without failing the deployment.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MediaPortLifecycleIT {

    @Deployment(testable = false, managed = false, name = CallsEar.NAME)
    static EnterpriseArchive ear() {
        return CallsEar.built();
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void undeployReleasesThePortAndAPortTakenByOthersIsReportedUntilFreed() throws Exception {
        deployer.deploy(CallsEar.NAME);
        assertTrue(MediaPort.isBound(MediaPort.DEFAULT));

        deployer.undeploy(CallsEar.NAME);
        assertFalse(MediaPort.isBound(MediaPort.DEFAULT), "undeploy should release UDP " + MediaPort.DEFAULT);

        URL base = new URL("http://127.0.0.1:8080/calls/");
        try (DatagramSocket squatter = new DatagramSocket(new InetSocketAddress(MediaPort.DEFAULT))) {
            deployer.deploy(CallsEar.NAME);
            Http.Reply unhealthy = Http.get(base, "api/v1/system/ping");
            assertEquals(503, unhealthy.status(), unhealthy.body());
            assertEquals("UNHEALTHY", unhealthy.json().getString("status"));
            assertFalse(squatter.isClosed());
        }

        assertEquals(200, awaitPingStatus(base, 200, Duration.ofSeconds(30)));
        assertTrue(MediaPort.isBound(MediaPort.DEFAULT));
        deployer.undeploy(CallsEar.NAME);
    }

    private static int awaitPingStatus(URL base, int wanted, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        int status = Http.get(base, "api/v1/system/ping").status();
        while (status != wanted && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            status = Http.get(base, "api/v1/system/ping").status();
        }
        return status;
    }
}
