package dev.calls.media.ice;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

import dev.calls.limits.Limit;

/**
 * The connectivity-check side of an ICE-lite agent (RFC 8445 §2.5, §7.3) for one ICE session: it answers
 * the peer's Binding requests and reports which ones nominate the path. A lite agent sends no checks and
 * is always in the controlled role (RFC 8445 §6.1.1).
 *
 * <p>Validation order, each step per the RFC that defines it:
 * <ol>
 * <li>not well-formed STUN, or FINGERPRINT absent or wrong: discarded silently (RFC 8445 §7.3,
 * RFC 8489 §14.7) — such a datagram may not even be meant as STUN;</li>
 * <li>indications are ignored, responses and methods other than Binding dropped;</li>
 * <li>no MESSAGE-INTEGRITY or no USERNAME: 400, without MESSAGE-INTEGRITY (RFC 8489 §9.1.3);</li>
 * <li>USERNAME not "localUfrag:remoteUfrag" or MESSAGE-INTEGRITY not valid for the local password: 401,
 * without MESSAGE-INTEGRITY — there is no key the client would accept it with (RFC 8489 §9.1.3);</li>
 * <li>unknown comprehension-required attributes: 420 with UNKNOWN-ATTRIBUTES (RFC 8489 §6.3.1);</li>
 * <li>no 4-byte PRIORITY: 400 (RFC 8445 §7.1.1 makes PRIORITY mandatory in a check);</li>
 * <li>ICE-CONTROLLED present: 487 Role Conflict. RFC 8445 §7.3.1.1 lets a controlled agent either answer
 * 487 or switch to controlling depending on the tie-breakers; a lite agent never takes the controlling
 * role, so it behaves as if its tie-breaker always won and answers 487, making the full peer switch;</li>
 * <li>otherwise a success response with XOR-MAPPED-ADDRESS of the source (RFC 8445 §7.3.1.2).</li>
 * </ol>
 * A check whose transaction id is one of the last {@link Limit#ICE_TRANSACTIONS_REMEMBERED} authenticated
 * ones is answered the same way (RFC 8489 §6.3.1: a retransmission gets the same answer) but reported as
 * {@link #replayed()} and never as nominating: a captured check sent again from another address must not
 * move the media path (see {@link RecentTransactions}).
 * Responses to authenticated requests (steps 5-8) carry MESSAGE-INTEGRITY with the local password
 * (RFC 8489 §9.1.3); every response carries FINGERPRINT (RFC 8445 §7.3).
 *
 * <p>Threading: an instance is used by one thread at a time (the caller hands a session to one receive
 * loop at a time); only {@link #setRemoteUfrag} may be called from another thread.
 *
 * <p>Allocation, for benchmarks: the parser view, the writer, the keyed {@link javax.crypto.Mac}, the
 * CRC and the result fields are reused; the encoded source address is cached while the source stays
 * the same; the result is an enum plus accessors rather than an object. What remains per valid check is
 * inside the JCE: {@code Mac.doFinal} returns a fresh 20-byte array per HMAC (two per check: verify and
 * sign). Malformed input costs one stack-less {@link StunParseException}; a new source address one
 * small array.
 */
public final class IceLiteResponder {
    /** Room the output buffer must have: the largest response this class writes fits. */
    public static final int MAX_RESPONSE_LENGTH = 128;

    private static final int MAX_REPORTED_UNKNOWN = 4;

    private final byte[] localUfrag;
    private volatile byte[] expectedUsername;
    private final MessageIntegrity integrity;
    private final Fingerprint fingerprint = new Fingerprint();
    private final StunMessage request = new StunMessage();
    private final StunMessageWriter writer = new StunMessageWriter();
    private final int[] unknownTypes = new int[MAX_REPORTED_UNKNOWN];
    private final RecentTransactions transactions = new RecentTransactions(Limit.ICE_TRANSACTIONS_REMEMBERED.value());
    private int unknownCount;

    private InetSocketAddress cachedSource;
    private byte[] cachedSourceAddress;

    private int responseLength;
    private boolean nominated;
    private boolean replayed;
    private int errorCode;
    private long priority;

    /**
     * @param localUfrag    the ice-ufrag of our SDP
     * @param localPassword the ice-pwd of our SDP: the short-term key both directions use
     * @param remoteUfrag   the ice-ufrag of the client's SDP, or null if it is not known yet (our offer is
     *                      out, the answer not back): then any "localUfrag:x" USERNAME is accepted, as the
     *                      password still authenticates the request
     */
    public IceLiteResponder(String localUfrag, String localPassword, String remoteUfrag) {
        if (localUfrag.isEmpty() || localUfrag.indexOf(':') >= 0) {
            throw new IllegalArgumentException("bad local ufrag");
        }
        this.localUfrag = localUfrag.getBytes(StandardCharsets.UTF_8);
        this.integrity = MessageIntegrity.shortTerm(localPassword);
        if (remoteUfrag != null) {
            setRemoteUfrag(remoteUfrag);
        }
    }

    /** Sets the client's ufrag once its SDP arrives; from then on USERNAME must match it exactly. */
    public void setRemoteUfrag(String remoteUfrag) {
        if (remoteUfrag.isEmpty()) {
            throw new IllegalArgumentException("empty remote ufrag");
        }
        byte[] remote = remoteUfrag.getBytes(StandardCharsets.UTF_8);
        byte[] username = Arrays.copyOf(localUfrag, localUfrag.length + 1 + remote.length);
        username[localUfrag.length] = ':';
        System.arraycopy(remote, 0, username, localUfrag.length + 1, remote.length);
        expectedUsername = username;
    }

    /** The ice-ufrag of the description this responder answers for. */
    public String localUfrag() {
        return new String(localUfrag, StandardCharsets.UTF_8);
    }

    /**
     * Whether the USERNAME of this Binding request names this responder's local ufrag: during an ICE restart
     * (RFC 8445 §9) a session has two responders, and the ufrag tells which generation a check belongs to.
     * Allocates nothing; false for anything that is not a Binding request with a USERNAME.
     */
    public boolean isNamedIn(byte[] buf, int off, int len) {
        long range = StunUsername.localUfragRange(buf, off, len);
        if (range < 0) {
            return false;
        }
        int from = StunUsername.offsetOf(range);
        return Arrays.equals(buf, from, from + StunUsername.lengthOf(range), localUfrag, 0, localUfrag.length);
    }

    /**
     * Handles one STUN datagram received from {@code source}. When the outcome is
     * {@link BindingOutcome#SUCCESS} or {@link BindingOutcome#ERROR_RESPONSE}, a response of
     * {@link #responseLength()} bytes is in {@code out} at {@code outOff}, to be sent back to
     * {@code source}. {@code out} must not overlap the input and must have {@link #MAX_RESPONSE_LENGTH}
     * bytes of room. Never throws on bad input.
     */
    public BindingOutcome respond(byte[] in, int off, int len, InetSocketAddress source, byte[] out, int outOff) {
        Objects.checkFromIndexSize(outOff, MAX_RESPONSE_LENGTH, out.length);
        responseLength = 0;
        nominated = false;
        replayed = false;
        errorCode = 0;
        priority = -1;
        try {
            request.wrap(in, off, len);
        } catch (StunParseException e) {
            return BindingOutcome.DISCARDED;
        }
        if (!fingerprint.verify(request)) {
            return BindingOutcome.DISCARDED;
        }
        int type = request.messageType();
        if (type == StunMessageType.BINDING_INDICATION) {
            return BindingOutcome.INDICATION;
        }
        if (type != StunMessageType.BINDING_REQUEST) {
            return BindingOutcome.DISCARDED;
        }
        int usernameAt = request.findAttribute(StunAttributeType.USERNAME);
        if (usernameAt < 0 || request.integrityAt() < 0) {
            return error(ErrorCode.BAD_REQUEST, false, out, outOff);
        }
        if (!usernameMatches(usernameAt) || !integrity.verify(request)) {
            return error(ErrorCode.UNAUTHENTICATED, false, out, outOff);
        }
        if (collectUnknownAttributes() > 0) {
            return error(ErrorCode.UNKNOWN_ATTRIBUTE, true, out, outOff);
        }
        int priorityAt = request.findAttribute(StunAttributeType.PRIORITY);
        if (priorityAt < 0 || request.attributeLength(priorityAt) != 4) {
            return error(ErrorCode.BAD_REQUEST, true, out, outOff);
        }
        priority = NetworkBytes.readInt(in, StunMessage.valueOffset(priorityAt)) & 0xFFFF_FFFFL;
        if (request.findAttribute(StunAttributeType.ICE_CONTROLLED) >= 0) {
            return error(ErrorCode.ROLE_CONFLICT, true, out, outOff);
        }
        replayed = !transactions.add(in, request.transactionIdOffset());
        nominated = !replayed && request.findAttribute(StunAttributeType.USE_CANDIDATE) >= 0;
        writer.start(out, outOff, StunMessageType.BINDING_SUCCESS_RESPONSE, in, request.transactionIdOffset());
        XorMappedAddress.append(writer, encodedAddress(source), source.getPort());
        integrity.append(writer);
        fingerprint.append(writer);
        responseLength = writer.length();
        return BindingOutcome.SUCCESS;
    }

    /** Length of the response written by the last {@link #respond}, 0 if it wrote none. */
    public int responseLength() {
        return responseLength;
    }

    /**
     * Whether the last successful check carried USE-CANDIDATE and was not {@link #replayed()}: the
     * controlling peer nominates this path.
     */
    public boolean nominated() {
        return nominated;
    }

    /**
     * Whether the last successful check's transaction id had been seen already: a retransmission, or a
     * captured check replayed. It proves nothing new about its source address.
     */
    public boolean replayed() {
        return replayed;
    }

    /** The error code of the last error response, 0 if the last outcome was not an error response. */
    public int errorCode() {
        return errorCode;
    }

    /** PRIORITY of the last authenticated check (RFC 8445 §7.1.1), -1 if it had none. */
    public long priority() {
        return priority;
    }

    private BindingOutcome error(int code, boolean authenticated, byte[] out, int outOff) {
        writer.start(out, outOff, StunMessageType.BINDING_ERROR_RESPONSE, request.buffer(),
                request.transactionIdOffset());
        ErrorCode.append(writer, code);
        if (code == ErrorCode.UNKNOWN_ATTRIBUTE) {
            UnknownAttributes.append(writer, unknownTypes, unknownCount);
        }
        if (authenticated) {
            integrity.append(writer);
        }
        fingerprint.append(writer);
        responseLength = writer.length();
        errorCode = code;
        return BindingOutcome.ERROR_RESPONSE;
    }

    /** Records up to {@link #MAX_REPORTED_UNKNOWN} unknown comprehension-required types; returns how many. */
    private int collectUnknownAttributes() {
        unknownCount = 0;
        for (int at = request.firstAttribute(); at >= 0 && unknownCount < MAX_REPORTED_UNKNOWN;
                at = request.nextAttribute(at)) {
            int type = request.attributeType(at);
            if (StunAttributeType.isComprehensionRequired(type) && !understood(type)) {
                unknownTypes[unknownCount++] = type;
            }
        }
        return unknownCount;
    }

    /** Comprehension-required attributes this responder knows; the address ones are simply unexpected. */
    private static boolean understood(int type) {
        switch (type) {
            case StunAttributeType.USERNAME:
            case StunAttributeType.MESSAGE_INTEGRITY:
            case StunAttributeType.PRIORITY:
            case StunAttributeType.USE_CANDIDATE:
            case StunAttributeType.MAPPED_ADDRESS:
            case StunAttributeType.XOR_MAPPED_ADDRESS:
            case StunAttributeType.ERROR_CODE:
            case StunAttributeType.UNKNOWN_ATTRIBUTES:
                return true;
            default:
                return false;
        }
    }

    private boolean usernameMatches(int at) {
        byte[] buf = request.buffer();
        int value = StunMessage.valueOffset(at);
        int length = request.attributeLength(at);
        byte[] expected = expectedUsername;
        if (expected != null) {
            return Arrays.equals(buf, value, value + length, expected, 0, expected.length);
        }
        int ufrag = localUfrag.length;
        return length > ufrag + 1
                && Arrays.equals(buf, value, value + ufrag, localUfrag, 0, ufrag)
                && buf[value + ufrag] == ':';
    }

    private byte[] encodedAddress(InetSocketAddress source) {
        if (!source.equals(cachedSource)) {
            if (source.isUnresolved()) {
                throw new IllegalArgumentException("unresolved source address " + source);
            }
            cachedSourceAddress = source.getAddress().getAddress();
            cachedSource = source;
        }
        return cachedSourceAddress;
    }
}
