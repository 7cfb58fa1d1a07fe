package dev.calls.media.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** RFC 4571 §2 framing as an ICE-TCP stream (RFC 6544 §3) arrives: in pieces, several at once, or hostile. */
class FrameReaderTest {

    private static final int MAX = 2048;

    private final FrameReader reader = new FrameReader(MAX);
    private final List<byte[]> frames = new ArrayList<>();
    private final FrameReader.FrameHandler collect = (buf, off, len) -> frames.add(Arrays.copyOfRange(buf, off, off + len));

    @Test
    void aFrameSplitAcrossReadsIsDeliveredOnceComplete() {
        byte[] framed = frame(packet(300, 1));
        for (int i = 0; i < framed.length - 1; i++) {
            reader.buffer().put(framed[i]);
            assertEquals(FrameReader.Result.NEED_MORE, reader.drain(collect));
            assertEquals(0, frames.size(), "nothing before the last byte, after " + (i + 1));
        }
        reader.buffer().put(framed[framed.length - 1]);
        assertEquals(FrameReader.Result.NEED_MORE, reader.drain(collect));
        assertArrayEquals(packet(300, 1), frames.get(0));
        assertEquals(0, reader.buffered(), "nothing left over");
    }

    @Test
    void severalFramesInOneReadAreDeliveredInOrderAndAPartialOneWaits() {
        byte[] third = frame(packet(100, 3));
        reader.buffer().put(frame(packet(20, 1))).put(frame(packet(1200, 2))).put(third, 0, 50);
        assertEquals(FrameReader.Result.NEED_MORE, reader.drain(collect));
        assertEquals(2, frames.size());
        assertArrayEquals(packet(20, 1), frames.get(0));
        assertArrayEquals(packet(1200, 2), frames.get(1));
        assertEquals(50, reader.buffered(), "the start of the third frame moved to the front");

        reader.buffer().put(third, 50, third.length - 50);
        reader.drain(collect);
        assertArrayEquals(packet(100, 3), frames.get(2));
    }

    @Test
    void aFrameOfTheLargestPacketFitsAndOneByteMoreIsOversized() {
        reader.buffer().put(frame(packet(MAX, 9)));
        assertEquals(FrameReader.Result.NEED_MORE, reader.drain(collect));
        assertEquals(MAX, frames.get(0).length);

        reader.buffer().put(new byte[] {(byte) ((MAX + 1) >> 8), (byte) (MAX + 1)});
        assertEquals(FrameReader.Result.OVERSIZED, reader.drain(collect), "known from the length field alone");
        assertEquals(1, frames.size());
    }

    @Test
    void theLargestLengthRfc4571AllowsIsOversizedAtOnce() {
        reader.buffer().put(new byte[] {(byte) 0xFF, (byte) 0xFF, 1, 2, 3});
        assertEquals(FrameReader.Result.OVERSIZED, reader.drain(collect));
        assertEquals(0, frames.size());
    }

    @Test
    void zeroLengthFramesCarryNothingAndAreSkipped() {
        reader.buffer().put(new byte[] {0, 0, 0, 0}).put(frame(packet(10, 4))).put(new byte[] {0, 0});
        assertEquals(FrameReader.Result.NEED_MORE, reader.drain(collect));
        assertEquals(1, frames.size());
        assertArrayEquals(packet(10, 4), frames.get(0));
        assertEquals(0, reader.buffered());
    }

    @Test
    void aRefusedFrameStopsTheStream() {
        reader.buffer().put(frame(packet(10, 1))).put(frame(packet(10, 2)));
        List<Integer> seen = new ArrayList<>();
        assertEquals(FrameReader.Result.REFUSED, reader.drain((buf, off, len) -> {
            seen.add(len);
            return false;
        }));
        assertEquals(List.of(10), seen, "nothing after the refused frame");
    }

    @Test
    void theBufferNeverHoldsMoreThanOneLargestFrame() {
        assertEquals(FrameReader.HEADER_BYTES + MAX, reader.buffer().capacity());
    }

    static byte[] packet(int length, int fill) {
        byte[] packet = new byte[length];
        Arrays.fill(packet, (byte) fill);
        packet[0] = (byte) 0x80;
        return packet;
    }

    static byte[] frame(byte[] packet) {
        byte[] framed = new byte[packet.length + 2];
        framed[0] = (byte) (packet.length >> 8);
        framed[1] = (byte) packet.length;
        System.arraycopy(packet, 0, framed, 2, packet.length);
        return framed;
    }
}
