package dev.calls.media.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Whatever arrives from the network, unprotecting answers a length or an {@link SrtpStatus} and
 * never throws; a packet a sender protected comes back intact unless a byte of it was changed.
 * Arbitrary input goes to receivers that keep their state from input to input; protected packets
 * go through a fresh sender and receiver each, since a receiver that missed more than half a
 * sequence space of its sender's packets rightly loses the ROC (RFC 3711 §3.3.1).
 */
class SrtpReceiverFuzzTest {

    private static final SrtpProfile[] PROFILES = SrtpProfile.values();

    private final SrtpReceiver[] receivers = {
        new SrtpReceiver(SrtpSenderTest.key(PROFILES[0])),
        new SrtpReceiver(SrtpSenderTest.key(PROFILES[1])),
    };

    @FuzzTest(maxDuration = "10s")
    void unprotectAnswersEveryInput(FuzzedDataProvider data) {
        int profile = data.consumeBoolean() ? 1 : 0;
        boolean rtcp = data.consumeBoolean();
        boolean protectFirst = data.consumeBoolean();
        int tamperAt = data.consumeInt(-1, 200);
        int offset = data.consumeInt(0, 16);
        byte[] packet = data.consumeRemainingAsBytes();
        if (protectFirst) {
            checkRoundTrip(PROFILES[profile], rtcp, tamperAt, offset, packet);
        } else {
            checkArbitrary(receivers[profile], rtcp, offset, packet);
        }
    }

    /** The same properties over seeded random input, so that every plain test run exercises them. */
    @Test
    void unprotectAnswersRandomInput() {
        Random random = new Random(2024);
        for (int i = 0; i < 10_000; i++) {
            byte[] packet = new byte[random.nextInt(200)];
            random.nextBytes(packet);
            if (packet.length > 0 && random.nextBoolean()) {
                packet[0] = (byte) (0x80 | packet[0] & 0x3F);
            }
            int profile = random.nextInt(2);
            if (random.nextBoolean()) {
                checkRoundTrip(PROFILES[profile], random.nextBoolean(), random.nextInt(201) - 1, random.nextInt(17),
                        packet);
            } else {
                checkArbitrary(receivers[profile], random.nextBoolean(), random.nextInt(17), packet);
            }
        }
    }

    private static void checkArbitrary(SrtpReceiver receiver, boolean rtcp, int offset, byte[] packet) {
        byte[] buf = new byte[offset + packet.length];
        System.arraycopy(packet, 0, buf, offset, packet.length);

        int result = unprotect(receiver, rtcp, buf, offset, packet.length);

        assertTrue(result >= SrtpStatus.TOO_MANY_STREAMS && result <= packet.length, "result " + result);
    }

    private static void checkRoundTrip(SrtpProfile profile, boolean rtcp, int tamperAt, int offset, byte[] packet) {
        SrtpSender sender = new SrtpSender(SrtpSenderTest.key(profile));
        byte[] buf = new byte[offset + packet.length + SrtpProfile.MAX_EXPANSION];
        System.arraycopy(packet, 0, buf, offset, packet.length);
        int length = rtcp ? sender.protectRtcp(buf, offset, packet.length) : sender.protectRtp(buf, offset, packet.length);
        if (length < 0) {
            return;
        }
        boolean tampered = tamperAt >= 0 && tamperAt < length;
        if (tampered) {
            buf[offset + tamperAt] ^= 0x5A;
        }

        int result = unprotect(new SrtpReceiver(SrtpSenderTest.key(profile)), rtcp, buf, offset, length);

        if (tampered) {
            assertTrue(result < 0, "a changed byte never passes");
        } else {
            assertEquals(packet.length, result);
            assertArrayEquals(packet, Arrays.copyOfRange(buf, offset, offset + result));
        }
    }

    private static int unprotect(SrtpReceiver receiver, boolean rtcp, byte[] buf, int offset, int length) {
        return rtcp ? receiver.unprotectRtcp(buf, offset, length) : receiver.unprotectRtp(buf, offset, length);
    }
}
