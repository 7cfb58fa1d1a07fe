package dev.calls.media.transport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The RFC 4571 deframer over an arbitrary byte stream cut into arbitrary reads: it never throws, never hands
 * over a packet larger than allowed or outside its buffer, never delivers more bytes than arrived, and never
 * buffers more than one frame. Plain test runs replay the seeds; {@code JAZZER_FUZZ=1} fuzzes.
 */
class FrameReaderFuzzTest {

    private static final int MAX = 2048;

    @FuzzTest(maxDuration = "10s")
    void deframesAnyStreamWithinItsBounds(FuzzedDataProvider data) {
        FrameReader reader = new FrameReader(MAX);
        long[] delivered = new long[1];
        FrameReader.FrameHandler check = (buf, off, len) -> {
            assertTrue(len > 0 && len <= MAX && off >= FrameReader.HEADER_BYTES && off + len <= buf.length);
            delivered[0] += len + FrameReader.HEADER_BYTES;
            return true;
        };
        long arrived = 0;
        while (data.remainingBytes() > 0) {
            int room = reader.buffer().remaining();
            byte[] read = data.consumeBytes(Math.min(room, data.consumeInt(1, MAX + 2)));
            if (read.length == 0) {
                return;
            }
            reader.buffer().put(read);
            arrived += read.length;
            if (reader.drain(check) == FrameReader.Result.OVERSIZED) {
                return;
            }
            assertTrue(delivered[0] + reader.buffered() <= arrived);
            assertTrue(reader.buffered() <= FrameReader.HEADER_BYTES + MAX);
        }
    }
}
