package dev.calls.media;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import dev.calls.media.ice.StunHeader;
import dev.calls.media.ice.StunUsername;
import dev.calls.media.sfu.ForwardBuffers;
import dev.calls.media.sfu.Participant;
import dev.calls.media.transport.PacketKind;
import dev.calls.media.transport.PacketSender;

/**
 * Demultiplexes the UDP port's datagrams (RFC 7983 §7 by first byte) to sessions by source address, the twin of
 * {@link TcpPaths}: a datagram from an unknown address counts only as an ICE check whose USERNAME names a session
 * and which that session's responder authenticates (RFC 8445 §7.3); the address is then bound to the session,
 * and its later datagrams go to it. Anything else from an unknown address is dropped and counted, a check being
 * refused within the stranger-reply rate. Runs on the receive loops, each with its own buffers.
 */
final class UdpPaths {

    private final Map<String, Participant> byUfrag;
    private final Map<InetSocketAddress, Participant> byAddress = new ConcurrentHashMap<>();
    private final LongAdder unknownDrops;

    /**
     * @param byUfrag      the engine's sessions by local ufrag
     * @param unknownDrops where datagrams of unknown sources or kinds are counted
     */
    UdpPaths(Map<String, Participant> byUfrag, LongAdder unknownDrops) {
        this.byUfrag = byUfrag;
        this.unknownDrops = unknownDrops;
    }

    void onDatagram(ForwardBuffers buffers, byte[] buf, int off, int len, InetSocketAddress from, PacketSender replyVia) {
        if (len < 1) {
            return;
        }
        PacketKind kind = PacketKind.of(buf[off]);
        Participant participant = byAddress.get(from);
        if (participant == null) {
            if (kind == PacketKind.STUN && StunHeader.isStun(buf, off, len)) {
                String ufrag = StunUsername.localUfrag(buf, off, len);
                participant = ufrag == null ? null : byUfrag.get(ufrag);
                if (participant != null) {
                    if (participant.onStun(buffers, buf, off, len, from, replyVia)) {
                        byAddress.put(from, participant);
                    }
                    return;
                }
                buffers.refuseUnknownCheck(buf, off, len, from);
            }
            unknownDrops.increment();
            return;
        }
        switch (kind) {
            case STUN -> participant.onStun(buffers, buf, off, len, from, replyVia);
            case DTLS -> participant.onDtls(buf, off, len);
            case RTP_OR_RTCP -> participant.onSrtp(buffers, buf, off, len, System.nanoTime());
            default -> unknownDrops.increment();
        }
    }

    /** An ICE restart moved the session's media to {@code path}: its other addresses no longer reach it. */
    void pathSwitched(Participant participant, InetSocketAddress path) {
        byAddress.entrySet().removeIf(route -> route.getValue() == participant && !route.getKey().equals(path));
    }

    /** The session ended: none of its addresses reaches anything any more. */
    void sessionClosed(Participant participant) {
        byAddress.values().removeIf(p -> p == participant);
    }
}
