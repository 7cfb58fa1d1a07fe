package dev.calls.media.sfu;

import dev.calls.media.rtp.RtpPacket;

/**
 * One participant receiving one published track: the m-section (mid) it arrives in and what must change
 * in each packet for this subscriber, decided once when the subscription is made. As {@link Recipients}
 * it is the route of a retransmission meant for this subscriber alone.
 *
 * @param subscriber   who receives the track
 * @param track        what is received
 * @param mid          the subscriber's m-section carrying it
 * @param payloadType  the payload type this subscriber's session uses for the codec, or -1 when it is the publisher's
 * @param extensionIds header extension id map (publisher id → subscriber id, 0 drops), or null when ids agree
 */
record Subscription(Participant subscriber, PublishedTrack track, String mid, int payloadType, byte[] extensionIds)
        implements Recipients {

    /**
     * Rewrites a copy of the publisher's packet for this subscriber: its payload type for the codec and its
     * header extension ids (RFC 8285). False when the packet must not be sent (it is not RTP it can read).
     */
    boolean adapt(RtpPacket packet, byte[] buf, int len) {
        if (payloadType < 0 && extensionIds == null) {
            return true;
        }
        if (!packet.wrap(buf, 0, len)) {
            return false;
        }
        if (payloadType >= 0) {
            packet.setPayloadType(payloadType);
        }
        if (extensionIds != null && packet.hasExtension()) {
            packet.extension().remapIds(extensionIds);
        }
        return true;
    }

    @Override
    public void deliver(ForwardBuffers buffers, int worker, byte[] buf, int len) {
        subscriber.sendForwarded(buffers, buf, 0, len, this);
    }
}
