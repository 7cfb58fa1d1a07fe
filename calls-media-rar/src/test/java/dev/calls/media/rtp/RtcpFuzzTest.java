package dev.calls.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Arbitrary bytes and ranges through the compound iterator and every RTCP view: {@code wrap} and
 * {@code next} only ever answer true or false, and wrapped views read only inside their packet.
 */
class RtcpFuzzTest {

    private final RtcpCompound compound = new RtcpCompound();
    private final SenderReport sr = new SenderReport();
    private final ReceiverReport rr = new ReceiverReport();
    private final FeedbackPacket feedback = new FeedbackPacket();
    private final GenericNack nack = new GenericNack();
    private final PictureLossIndication pli = new PictureLossIndication();
    private final FullIntraRequest fir = new FullIntraRequest();
    private final int[] lost = new int[64];

    @FuzzTest(maxDuration = "10s")
    void parsersNeverFailOutsideTheirContract(byte[] input) {
        if (input.length == 0) {
            return;
        }
        int off = FuzzInput.offset(input);
        int len = FuzzInput.length(input);
        readAll(input, off, len);
        if (!compound.wrap(input, off, len)) {
            return;
        }
        int end = off + len;
        while (compound.next()) {
            int at = compound.packetOffset();
            assertTrue(at >= off && compound.packetLength() <= end - at);
            readAll(input, at, compound.packetLength());
        }
    }

    private void readAll(byte[] buf, int off, int len) {
        if (sr.wrap(buf, off, len)) {
            checkExtent(sr, off, len);
            sr.senderSsrc();
            sr.ntpTimestamp();
            sr.rtpTimestamp();
            sr.packetCount();
            sr.octetCount();
            for (int i = 0; i < sr.reportCount(); i++) {
                readBlock(sr.reportBlock(i));
            }
        }
        if (rr.wrap(buf, off, len)) {
            checkExtent(rr, off, len);
            rr.senderSsrc();
            for (int i = 0; i < rr.reportCount(); i++) {
                readBlock(rr.reportBlock(i));
            }
        }
        if (feedback.wrap(buf, off, len)) {
            checkExtent(feedback, off, len);
            assertTrue(feedback.fciOffset() + feedback.fciLength() <= off + feedback.length());
            feedback.mediaSsrc();
            feedback.senderSsrc();
        }
        if (nack.wrap(buf, off, len)) {
            checkExtent(nack, off, len);
            assertTrue(nack.lostSequences(lost) <= Math.min(17 * nack.itemCount(), lost.length));
        }
        if (pli.wrap(buf, off, len)) {
            checkExtent(pli, off, len);
            pli.mediaSsrc();
        }
        if (fir.wrap(buf, off, len)) {
            checkExtent(fir, off, len);
            for (int i = 0; i < fir.entryCount(); i++) {
                fir.entrySsrc(i);
            }
        }
    }

    private static void checkExtent(RtcpPacket packet, int off, int len) {
        assertEquals(off, packet.offset());
        assertTrue(packet.length() >= RtcpPacket.HEADER_LENGTH && packet.length() <= len);
        assertTrue(packet.contentLength() >= 0 && packet.contentLength() <= packet.length() - 4);
    }

    private static void readBlock(ReportBlock block) {
        block.ssrc();
        int lost = block.cumulativeLost();
        assertTrue(lost >= -0x800000 && lost <= 0x7fffff);
        block.fractionLost();
        block.extendedHighestSequence();
        block.jitter();
        block.lastSenderReport();
        block.delaySinceLastSenderReport();
    }
}
