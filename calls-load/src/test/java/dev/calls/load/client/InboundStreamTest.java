package dev.calls.load.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InboundStreamTest {

    @Test
    void countsLossAcrossTheSequenceNumberWrap() {
        InboundStream stream = new InboundStream(1);
        for (int sequence : new int[] {65533, 65534, 0, 1, 3}) {
            stream.onPacket(sequence);
        }

        assertEquals(5, stream.received());
        assertEquals(7, stream.expected(), "65533..65535 and 0..3: 65535 and 2 were lost");
    }

    @Test
    void aLateReorderedPacketDoesNotLowerTheHighest() {
        InboundStream stream = new InboundStream(1);
        for (int sequence : new int[] {10, 12, 11}) {
            stream.onPacket(sequence);
        }

        assertEquals(3, stream.received());
        assertEquals(3, stream.expected());
    }
}
