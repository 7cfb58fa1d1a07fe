package dev.calls.load.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

class SlowHeadersTest {

    @Test
    void theHeaderNeverEnds() {
        SlowHeaders attack = new SlowHeaders(URI.create("http://127.0.0.1:8080/calls/"), 1, 1);
        String start = new String(SlowHeaders.headerStart("127.0.0.1", 8080, "/calls/"), StandardCharsets.US_ASCII);

        assertTrue(start.startsWith("GET /calls/api/v1/system/ping HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n"), start);
        assertFalse(start.contains("\r\n\r\n"), "no empty line ends the header block");
        assertEquals('G', attack.byteAt(0));
        assertEquals('a', attack.byteAt(start.length()));
        assertEquals('a', attack.byteAt(1_000_000));
    }

    /** A server on loopback that answers each connection's first byte with 408 and closes it. */
    @Test
    void connectionsTheServerClosesAreCountedWithWhatItSaid() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread closer = new Thread(() -> closeEach(server));
            closer.setDaemon(true);
            closer.start();
            SlowHeaders attack = new SlowHeaders(URI.create("http://127.0.0.1:" + server.getLocalPort() + "/calls/"), 3, 100);

            JsonObject result = attack.run(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500)).fields();

            assertEquals(3, result.getInt("connections_attempted"), result::toString);
            assertEquals(3, result.getInt("connections_accepted"), result::toString);
            assertEquals(3, result.getInt("closed_by_server"), result::toString);
            assertEquals(0, result.getInt("still_open_at_end"), result::toString);
            assertEquals(3, result.getJsonObject("server_said_before_closing").getInt("HTTP/1.1 408 Request Timeout"),
                    result::toString);
            assertTrue(result.getJsonNumber("closed_after_seconds_max").doubleValue() >= 0, result::toString);
        }
    }

    private static void closeEach(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket connection = server.accept()) {
                connection.getInputStream().read();
                OutputStream out = connection.getOutputStream();
                out.write("HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                return;
            }
        }
    }
}
