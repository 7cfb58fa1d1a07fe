package dev.calls.media.srtp;

import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import dev.calls.media.bench.SetupAllocation;

/**
 * SRTP protect and unprotect of one RTP packet (12-byte header and a payload of 100 or 1200 bytes) per
 * profile, on the JDK's JCE. Unprotect needs a fresh packet each time (the replay window refuses a repeat):
 * it is encrypted in an untimed setup whose allocation is reported as setupBytes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SrtpBenchmark {

    private static final int SSRC = 0x12345678;

    /** One SRTP stream with its sender and receiver, and the packet buffer. */
    @State(Scope.Thread)
    public static class Stream {

        @Param({"AEAD_AES_128_GCM", "AES_CM_128_HMAC_SHA1_80"})
        SrtpProfile profile;

        @Param({"100", "1200"})
        int payload;

        final byte[] packet = new byte[2048];
        SrtpSender sender;
        SrtpReceiver receiver;
        int sequence;
        int length;

        @Setup(Level.Trial)
        public void keys() {
            SecureRandom random = new SecureRandom();
            byte[] key = new byte[profile.keyLength()];
            byte[] salt = new byte[profile.saltLength()];
            random.nextBytes(key);
            random.nextBytes(salt);
            SrtpMasterKey master = new SrtpMasterKey(profile, key, salt);
            sender = new SrtpSender(master);
            receiver = new SrtpReceiver(master);
        }

        /** Writes the next plain RTP packet; returns its length. */
        int nextPlain() {
            int seq = sequence++ & 0xFFFF;
            packet[0] = (byte) 0x80;
            packet[1] = 111;
            packet[2] = (byte) (seq >>> 8);
            packet[3] = (byte) seq;
            SrtpPacket.writeInt(packet, 4, seq * 960);
            SrtpPacket.writeInt(packet, 8, SSRC);
            return 12 + payload;
        }
    }

    /** A stream whose next packet is protected before each invocation, for unprotect. */
    @State(Scope.Thread)
    public static class ProtectedStream extends Stream {

        @Setup(Level.Invocation)
        public void nextProtected(SetupAllocation allocation) {
            allocation.begin();
            length = sender.protectRtp(packet, 0, nextPlain());
            allocation.end();
        }
    }

    @Benchmark
    public int protect(Stream stream) {
        return stream.sender.protectRtp(stream.packet, 0, stream.nextPlain());
    }

    @Benchmark
    public int unprotect(ProtectedStream stream) {
        return stream.receiver.unprotectRtp(stream.packet, 0, stream.length);
    }
}
