package dev.calls.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Bad input to the deployed server's ICE-TCP port (RFC 6544, RFC 4571 framing): random bytes, a frame that
 * announces 65535 bytes, a check dripped one byte a second, and a connection that sends nothing. Each is
 * closed by the server and counted by cause, no session is made for any of them, and a call beside them keeps
 * its media.
 */
class IceTcpBadInputIT extends DeployedEar {

    private static final Logger LOG = Logger.getLogger(IceTcpBadInputIT.class);

    /** Far past the ICE timeout (rtcConnectTimeoutSeconds, 10 s) after which silence and slow drips are closed. */
    private static final Duration CLOSED_WITHIN = Duration.ofSeconds(40);

    @Test
    void garbageHugeFramesSlowDripsAndSilenceAreClosedAndCountedAndACallKeepsItsMedia() throws Exception {
        Api api = new Api(base);
        String admin = api.adminToken();
        String suffix = Api.unique();
        String tokenA = token(api, admin, "tcpa" + suffix);
        String tokenB = token(api, admin, "tcpb" + suffix);
        String channel = api.createChannel(tokenA, "icetcp-" + suffix, "O");
        api.addMember(tokenB, channel, api.get("users/me", tokenB).expect(200).id());
        String address = MediaPing.await(base, media -> true).getString("advertised_address");

        ExecutorService attackers = Executors.newFixedThreadPool(4);
        try (CallParticipant a = CallParticipant.join("a", base, tokenA, channel, 440, true);
                CallParticipant b = CallParticipant.join("b", base, tokenB, channel, 660, true)) {
            Hearing.assertHears(a.peer, b.sessionId, 660);
            Hearing.assertHears(b.peer, a.sessionId, 440);
            JsonObject before = api.get("system/stats", admin).expect(200).json();

            byte[] random = new byte[4096];
            new Random(6544).nextBytes(random);
            List<Future<Duration>> closes = new ArrayList<>();
            closes.add(attackers.submit(() -> closedAfter(address, out -> out.write(random))));
            closes.add(attackers.submit(() -> closedAfter(address, out -> out.write(new byte[] {(byte) 0xFF, (byte) 0xFF, 0, 1}))));
            closes.add(attackers.submit(() -> closedAfter(address, IceTcpBadInputIT::dripACheck)));
            closes.add(attackers.submit(() -> closedAfter(address, out -> { })));
            List<String> names = List.of("random bytes", "huge length", "slow drip", "half-open");
            for (int i = 0; i < closes.size(); i++) {
                LOG.infof("ICE-TCP %s: closed by the server after %d ms", names.get(i),
                        closes.get(i).get(CLOSED_WITHIN.toSeconds() + 10, TimeUnit.SECONDS).toMillis());
            }

            JsonObject after = api.get("system/stats", admin).expect(200).json();
            JsonObject was = before.getJsonObject("ice_tcp_refused");
            JsonObject now = after.getJsonObject("ice_tcp_refused");
            LOG.infof("ICE-TCP refusals before %s, after %s", was, now);
            assertEquals(4, total(now) - total(was), "every connection counted once: " + now);
            assertTrue(count(now, "oversized_frame") > count(was, "oversized_frame"), "the huge length: " + now);
            assertTrue(count(now, "auth_timeout") >= count(was, "auth_timeout") + 2, "drip and half-open: " + now);
            assertEquals(before.getInt("sessions"), after.getInt("sessions"), "no session for any of them");

            Hearing.awaitFlowing(a.peer, b.sessionId, Hearing.packets(a.peer, b.sessionId));
            Hearing.awaitFlowing(b.peer, a.sessionId, Hearing.packets(b.peer, a.sessionId));
        } finally {
            attackers.shutdownNow();
        }
    }

    private static String token(Api api, String admin, String user) {
        api.createUser(admin, user, "system_user");
        return api.token(user, Api.PASSWORD);
    }

    @FunctionalInterface
    private interface Attack {
        void send(OutputStream out) throws IOException;
    }

    /**
     * Connects to the ICE-TCP port, sends what the attack sends and waits for the server to close: end of
     * stream or a reset (it closed with our bytes unread). How long that took, from the connect.
     */
    private static Duration closedAfter(String address, Attack attack) throws IOException {
        long start = System.nanoTime();
        try (Socket socket = new Socket(address, MediaPort.ICE_TCP_DEFAULT)) {
            socket.setSoTimeout((int) CLOSED_WITHIN.toMillis());
            try {
                attack.send(socket.getOutputStream());
                while (socket.getInputStream().read() >= 0) {
                    // Whatever the server says before it closes (a STUN error at most) is read past.
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the server kept the connection open for " + CLOSED_WITHIN, e);
            } catch (IOException reset) {
                // A reset is a close too.
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** The start of a plausible ICE check's frame, one byte a second until the server closes. */
    private static void dripACheck(OutputStream out) throws IOException {
        byte[] frame = {0, 100, 0, 1, 0, 80, 0x21, 0x12, (byte) 0xA4, 0x42, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        for (byte b : frame) {
            out.write(b);
            out.flush();
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static long total(JsonObject refused) {
        return refused.values().stream().mapToLong(v -> ((JsonNumber) v).longValue()).sum();
    }

    private static long count(JsonObject refused, String cause) {
        return refused.getJsonNumber(cause).longValue();
    }
}
