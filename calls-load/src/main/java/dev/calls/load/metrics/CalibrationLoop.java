package dev.calls.load.metrics;

import java.security.GeneralSecurityException;
import java.time.Duration;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A fixed piece of work timed on one thread: sealing a 100-byte payload with AES-GCM through the JCE, which
 * the server does for every packet it forwards. Timed just before the ramp-up, with no call running, it says
 * how fast this machine was at the time of a run. A shared machine's speed changes between runs by more
 * than the goals' margins, and this is what tells a slow moment from a slow change.
 */
public final class CalibrationLoop {

    private static final int PAYLOAD_BYTES = 100;
    private static final int TAG_BITS = 128;

    private CalibrationLoop() {
    }

    /** Nanoseconds per seal, averaged over {@code measured} after {@code warmUp} of the same loop. */
    public static double nanosPerSeal(Duration warmUp, Duration measured) {
        try {
            Sealer sealer = new Sealer();
            sealer.sealUntil(System.nanoTime() + warmUp.toNanos());
            long start = System.nanoTime();
            long seals = sealer.sealUntil(start + measured.toNanos());
            return (System.nanoTime() - start) / (double) seals;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's AES-GCM is missing", e);
        }
    }

    private static final class Sealer {
        private final Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        private final SecretKeySpec key = new SecretKeySpec(new byte[16], "AES");
        private final byte[] iv = new byte[12];
        private final byte[] payload = new byte[PAYLOAD_BYTES];
        private final byte[] sealed = new byte[PAYLOAD_BYTES + TAG_BITS / 8];
        private long counter;

        Sealer() throws GeneralSecurityException {
        }

        /** Seals until {@code deadline}, each time with a fresh IV: the JCE refuses a key and IV used before. */
        long sealUntil(long deadline) throws GeneralSecurityException {
            long seals = 0;
            do {
                counter++;
                for (int i = 0; i < Long.BYTES; i++) {
                    iv[4 + i] = (byte) (counter >>> (8 * i));
                }
                cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
                cipher.doFinal(payload, 0, payload.length, sealed, 0);
                seals++;
            } while (System.nanoTime() < deadline);
            return seals;
        }
    }
}
