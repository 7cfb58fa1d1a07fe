package dev.calls.media.ice;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Builds connectivity checks as a full ICE agent (the browser) sends them (RFC 8445 §7.1), for tests. */
final class BindingRequests {
    static final byte[] TRANSACTION_ID = Rfc5769.hex("01 02 03 04 05 06 07 08 09 0a 0b 0c");

    private String username;
    private String password;
    private boolean priority = true;
    private boolean useCandidate;
    private Long controlling;
    private Long controlled;
    private int extraType = -1;
    private int type = StunMessageType.BINDING_REQUEST;
    private boolean fingerprint = true;
    private byte[] transactionId = TRANSACTION_ID;

    static BindingRequests check(String username, String password) {
        BindingRequests request = new BindingRequests();
        request.username = username;
        request.password = password;
        request.controlling = 0x0102030405060708L;
        return request;
    }

    /** A check with this transaction id (12 bytes) instead of {@link #TRANSACTION_ID}. */
    BindingRequests transaction(byte[] id) {
        transactionId = id;
        return this;
    }

    BindingRequests withoutPriority() {
        priority = false;
        return this;
    }

    BindingRequests useCandidate() {
        useCandidate = true;
        return this;
    }

    BindingRequests controlled(long tieBreaker) {
        controlling = null;
        controlled = tieBreaker;
        return this;
    }

    BindingRequests withoutUsername() {
        username = null;
        return this;
    }

    BindingRequests withoutIntegrity() {
        password = null;
        return this;
    }

    BindingRequests withoutFingerprint() {
        fingerprint = false;
        return this;
    }

    BindingRequests withAttribute(int attributeType) {
        extraType = attributeType;
        return this;
    }

    BindingRequests ofType(int messageType) {
        type = messageType;
        return this;
    }

    byte[] build() {
        byte[] buf = new byte[256];
        StunMessageWriter writer = new StunMessageWriter().start(buf, 0, type, transactionId, 0);
        if (username != null) {
            byte[] bytes = username.getBytes(StandardCharsets.UTF_8);
            writer.addBytes(StunAttributeType.USERNAME, bytes, 0, bytes.length);
        }
        if (priority) {
            writer.addInt(StunAttributeType.PRIORITY, 0x6e7f1eff);
        }
        if (controlling != null) {
            writer.addLong(StunAttributeType.ICE_CONTROLLING, controlling);
        }
        if (controlled != null) {
            writer.addLong(StunAttributeType.ICE_CONTROLLED, controlled);
        }
        if (useCandidate) {
            writer.addFlag(StunAttributeType.USE_CANDIDATE);
        }
        if (extraType >= 0) {
            writer.addInt(extraType, 42);
        }
        if (password != null) {
            MessageIntegrity.shortTerm(password).append(writer);
        }
        if (fingerprint) {
            new Fingerprint().append(writer);
        }
        return Arrays.copyOf(buf, writer.length());
    }
}
