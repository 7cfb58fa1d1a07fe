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
import dev.calls.media.transport.TcpConnection;

/**
 * Demultiplexes the packets of ICE-TCP connections (RFC 6544) as the UDP port's are (RFC 7983 §7 by first
 * byte), with the connection in the place of the source address: a connection's first packet must be an ICE
 * check whose USERNAME names a session and which that session's responder authenticates (USERNAME and
 * MESSAGE-INTEGRITY, RFC 8445 §7.3); only then is the connection bound to the session, and its later packets
 * go to it like those of a validated UDP address. Anything else first closes the connection, which never
 * held more than one frame. Runs on the ICE-TCP port's selector thread, with that thread's buffers.
 */
final class TcpPaths implements TcpConnection.PacketHandler {

    private final Map<String, Participant> byUfrag;
    private final Map<TcpConnection, Participant> byConnection = new ConcurrentHashMap<>();
    private final ForwardBuffers buffers;
    private final LongAdder unknownDrops;

    /**
     * @param byUfrag      the engine's sessions by local ufrag
     * @param buffers      the selector thread's working buffers
     * @param unknownDrops where packets of no known kind are counted, as the UDP port's are
     */
    TcpPaths(Map<String, Participant> byUfrag, ForwardBuffers buffers, LongAdder unknownDrops) {
        this.byUfrag = byUfrag;
        this.buffers = buffers;
        this.unknownDrops = unknownDrops;
    }

    @Override
    public boolean onPacket(TcpConnection connection, byte[] buf, int off, int len) {
        PacketKind kind = PacketKind.of(buf[off]);
        Participant participant = byConnection.get(connection);
        if (participant == null) {
            return authenticate(connection, kind, buf, off, len);
        }
        switch (kind) {
            case STUN -> participant.onStun(buffers, buf, off, len, connection.remote(), connection);
            case DTLS -> participant.onDtls(buf, off, len);
            case RTP_OR_RTCP -> participant.onSrtp(buffers, buf, off, len, System.nanoTime());
            default -> unknownDrops.increment();
        }
        return true;
    }

    /** The first packet: an authenticated check for a session binds the connection to it; nothing else does. */
    private boolean authenticate(TcpConnection connection, PacketKind kind, byte[] buf, int off, int len) {
        if (kind != PacketKind.STUN || !StunHeader.isStun(buf, off, len)) {
            return false;
        }
        String ufrag = StunUsername.localUfrag(buf, off, len);
        Participant participant = ufrag == null ? null : byUfrag.get(ufrag);
        if (participant == null || !participant.onStun(buffers, buf, off, len, connection.remote(), connection)) {
            return false;
        }
        byConnection.put(connection, participant);
        connection.authenticate();
        return true;
    }

    @Override
    public void closed(TcpConnection connection) {
        byConnection.remove(connection);
    }

    /** An ICE restart moved the session's media to {@code path}: its connections from elsewhere are closed. */
    void pathSwitched(Participant participant, InetSocketAddress path) {
        byConnection.forEach((connection, owner) -> {
            if (owner == participant && !connection.remote().equals(path)) {
                connection.close(null);
            }
        });
    }

    /** The session ended: its connections are closed (its client may still hold them open). */
    void sessionClosed(Participant participant) {
        byConnection.forEach((connection, owner) -> {
            if (owner == participant) {
                connection.close(null);
            }
        });
    }
}
