package dev.calls.load.client;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import dev.calls.media.ice.Fingerprint;
import dev.calls.media.ice.MessageIntegrity;
import dev.calls.media.ice.StunAttributeType;
import dev.calls.media.ice.StunHeader;
import dev.calls.media.ice.StunMessage;
import dev.calls.media.ice.StunMessageType;
import dev.calls.media.ice.StunMessageWriter;
import dev.calls.media.ice.StunParseException;

/**
 * The controlling ICE agent of a simulated browser, reduced to what an ICE-lite server needs: Binding
 * requests to the server's one host candidate carrying USERNAME, PRIORITY, ICE-CONTROLLING, USE-CANDIDATE
 * (aggressive nomination), MESSAGE-INTEGRITY and FINGERPRINT (RFC 8445 §7.1.1, §8.1.1), and the check of
 * each answer (RFC 8445 §7.2.5: a success response to one of our transactions, integrity under the
 * server's password). The same requests later serve as consent checks (RFC 7675 §5.1).
 *
 * <p>Threads: {@link #writeCheck} on the scheduler, {@link #onResponse} on the network thread; each has
 * its own HMAC, and the recent transaction ids are guarded by this object.
 */
final class IceChecks {

    /** Responses to this many latest requests are accepted; older transactions are given up. */
    private static final int REMEMBERED = 4;
    /** RFC 8445 §5.1.2.1: host type preference 126, local preference 65535, component 1. */
    private static final int PRIORITY = (126 << 24) | (65535 << 8) | (256 - 1);

    private final byte[] username;
    private final MessageIntegrity signing;
    private final MessageIntegrity verifying;
    private final Fingerprint fingerprinting = new Fingerprint();
    private final Fingerprint fingerprintChecking = new Fingerprint();
    private final StunMessageWriter writer = new StunMessageWriter();
    private final StunMessage response = new StunMessage();
    private final long tieBreaker;
    private final Random random;
    private final byte[][] transactions = new byte[REMEMBERED][StunHeader.TRANSACTION_ID_LENGTH];
    private int sent;

    IceChecks(String localUfrag, ServerTransport server, Random random) {
        // RFC 8445 §7.2.2: USERNAME is the receiver's ufrag, a colon, the sender's ufrag.
        this.username = (server.iceUfrag() + ":" + localUfrag).getBytes(StandardCharsets.UTF_8);
        this.signing = MessageIntegrity.shortTerm(server.icePwd());
        this.verifying = MessageIntegrity.shortTerm(server.icePwd());
        this.random = random;
        this.tieBreaker = random.nextLong();
    }

    /** Writes the next Binding request into {@code buf} at 0 and returns its length. */
    synchronized int writeCheck(byte[] buf) {
        byte[] transaction = transactions[sent++ % REMEMBERED];
        random.nextBytes(transaction);
        writer.start(buf, 0, StunMessageType.BINDING_REQUEST, transaction, 0);
        writer.addBytes(StunAttributeType.USERNAME, username, 0, username.length);
        writer.addInt(StunAttributeType.PRIORITY, PRIORITY);
        writer.addLong(StunAttributeType.ICE_CONTROLLING, tieBreaker);
        writer.addFlag(StunAttributeType.USE_CANDIDATE);
        signing.append(writer);
        fingerprinting.append(writer);
        return writer.length();
    }

    /** Whether the datagram is an authentic success response to one of our latest checks. */
    boolean onResponse(byte[] buf, int off, int len) {
        try {
            response.wrap(buf, off, len);
        } catch (StunParseException e) {
            return false;
        }
        if (response.messageType() != StunMessageType.BINDING_SUCCESS_RESPONSE || !isOurs(buf, response.transactionIdOffset())) {
            return false;
        }
        return verifying.verify(response) && fingerprintChecking.verify(response);
    }

    private synchronized boolean isOurs(byte[] buf, int at) {
        for (byte[] transaction : transactions) {
            if (Arrays.equals(transaction, 0, transaction.length, buf, at, at + transaction.length)) {
                return true;
            }
        }
        return false;
    }
}
