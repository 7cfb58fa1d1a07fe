package dev.calls.media.sfu;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicReference;

import dev.calls.media.api.MediaException;
import dev.calls.media.ice.IceCredentials;
import dev.calls.media.ice.IceLiteResponder;
import dev.calls.media.sdp.TransportParameters;

/**
 * The ICE credentials of one session across ICE restarts (RFC 8445 §9, RFC 8839 §4.4.1.1.1). An offer whose
 * ice-ufrag or ice-pwd differ from the last offer's restarts ICE, and the answer carries new local
 * credentials too: a lite agent restarts with its peer. Until a check signed with the new credentials
 * nominates a path, the old ones keep answering, so the media stays on the old path meanwhile; then the old
 * ones are retired (their checks get 401) and the session's other addresses are dropped.
 *
 * <p>Threads: offers arrive under the negotiation's monitor; checks on the receive thread of their address.
 */
final class IceGenerations {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final IceRoutes routes;
    /** The local credentials of our latest description: the restart's when one is under way. */
    private volatile IceCredentials local = IceCredentials.generate(RANDOM);
    /** The client's credentials of its latest offer; guarded by the negotiation's monitor. */
    private IceCredentials remote;
    /** Answers the checks of the credentials media flows under; null before the first offer. */
    private volatile IceLiteResponder current;
    /**
     * Answers the checks of a restart not completed yet; null when there is none. Set by offers, cleared by
     * the check that completes it, which may race with the next restart's offer: hence compare-and-set.
     */
    private final AtomicReference<IceLiteResponder> restart = new AtomicReference<>();

    IceGenerations(IceRoutes routes) {
        this.routes = routes;
    }

    /** The credentials of our latest description. */
    IceCredentials local() {
        return local;
    }

    /** Whether an offer was taken: checks can be answered. */
    boolean started() {
        return current != null;
    }

    /**
     * The local credentials an answer to this offer carries: the latest ones, or new ones when the offer
     * restarts ICE. Changes nothing: {@link #offered} takes them once the answer is written.
     *
     * @throws MediaException {@code invalid_sdp} when the offered ufrag or password is not made of 4-256 or
     *                        22-256 ice-chars (RFC 8839 §5.4)
     */
    IceCredentials answerCredentials(TransportParameters offered) throws MediaException {
        IceCredentials offeredRemote = remoteOf(offered);
        return remote == null || offeredRemote.equals(remote) ? local : IceCredentials.generate(RANDOM);
    }

    /**
     * The offer was answered with {@code answered} (from {@link #answerCredentials}): the first sets up the
     * responder; new credentials start a restart, replacing one not completed yet.
     */
    void offered(TransportParameters offered, IceCredentials answered) throws MediaException {
        remote = remoteOf(offered);
        if (current == null) {
            current = new IceLiteResponder(answered.ufrag(), answered.password(), remote.ufrag());
            return;
        }
        if (answered.equals(local)) {
            return;
        }
        local = answered;
        IceLiteResponder superseded = restart.getAndSet(
                new IceLiteResponder(answered.ufrag(), answered.password(), remote.ufrag()));
        routes.ufragIssued(answered.ufrag());
        if (superseded != null) {
            routes.ufragRetired(superseded.localUfrag());
        }
    }

    /** The responder for this check: the restart's when it names the restart's ufrag; null before an offer. */
    IceLiteResponder responderFor(byte[] buf, int off, int len) {
        IceLiteResponder pending = restart.get();
        return pending != null && pending.isNamedIn(buf, off, len) ? pending : current;
    }

    /**
     * A fresh check passed {@code responder}: whether it may move the media to its source. A restart's check
     * that nominates completes the restart (RFC 8445 §9): its credentials become the current ones, the old
     * ones are retired and media moves to {@code path} alone; one that does not nominate moves nothing yet.
     */
    boolean passed(IceLiteResponder responder, boolean nominated, InetSocketAddress path) {
        if (responder == current) {
            return true;
        }
        if (!nominated) {
            return false;
        }
        IceLiteResponder old = current;
        current = responder;
        restart.compareAndSet(responder, null);
        routes.ufragRetired(old.localUfrag());
        routes.pathSwitched(path);
        return true;
    }

    private static IceCredentials remoteOf(TransportParameters offered) throws MediaException {
        try {
            return new IceCredentials(offered.iceUfrag(), offered.icePwd());
        } catch (IllegalArgumentException e) {
            throw new MediaException("invalid_sdp", "the offer's ICE credentials are malformed (RFC 8839 §5.4): "
                    + e.getMessage(), e);
        }
    }
}
