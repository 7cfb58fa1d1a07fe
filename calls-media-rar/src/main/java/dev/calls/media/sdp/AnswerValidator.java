package dev.calls.media.sdp;

import java.util.List;

/**
 * Checks a client's answer against the offer the server sent (RFC 3264 §6, RFC 8829 §5.3): same
 * m-sections in the same order with the same mids and media, nothing accepted that the offer disabled,
 * directions the offer allows, codecs from the offer, everything accepted bundled and rtcp-muxed, and
 * the client staying the DTLS client. Stateless and thread-safe.
 */
public final class AnswerValidator {

    private AnswerValidator() {
    }

    public static void check(SessionDescription offer, SessionDescription answer) throws SdpNegotiationException {
        List<MediaDescription> offered = offer.media();
        List<MediaDescription> answered = answer.media();
        if (offered.size() != answered.size()) {
            throw new SdpNegotiationException("the answer has " + answered.size() + " m-sections, the offer has "
                    + offered.size() + " (RFC 3264 §6)");
        }
        Group bundle = answer.bundleGroup();
        boolean anyAccepted = false;
        for (int i = 0; i < offered.size(); i++) {
            MediaDescription o = offered.get(i);
            MediaDescription a = answered.get(i);
            String where = "m-section " + i + " (mid " + o.mid() + ")";
            if (o.mid() != null && !o.mid().equals(a.mid())) {
                throw new SdpNegotiationException(where + ": the answer has mid '" + a.mid() + "'");
            }
            if (!o.media().equalsIgnoreCase(a.media())) {
                throw new SdpNegotiationException(where + ": the answer has m=" + a.media() + " for m="
                        + o.media());
            }
            if (a.isRejected()) {
                continue;
            }
            if (o.isRejected()) {
                throw new SdpNegotiationException(where + ": the answer accepts a section the offer disabled");
            }
            anyAccepted = true;
            checkAccepted(where, offer.directionOf(o), o, answer.directionOf(a), a, bundle);
        }
        if (anyAccepted) {
            TransportParameters transport = TransportParameters.of(answer);
            if (transport.setup() != SetupRole.ACTIVE) {
                throw new SdpNegotiationException("the answer has a=setup:" + transport.setup().token()
                        + "; the server is always the DTLS server, so the client must stay active");
            }
        }
    }

    private static void checkAccepted(String where, Direction offeredDirection, MediaDescription o,
            Direction answeredDirection, MediaDescription a, Group bundle) throws SdpNegotiationException {
        if (a.mid() == null) {
            throw new SdpNegotiationException(where + ": accepted without a=mid, which BUNDLE needs (RFC 8843 §7.2)");
        }
        if (bundle == null || !bundle.mids().contains(a.mid())) {
            throw new SdpNegotiationException(where + ": accepted but not in the answer's BUNDLE group");
        }
        if (!a.rtcpMux()) {
            throw new SdpNegotiationException(where + ": the answer has no a=rtcp-mux");
        }
        if (!answeredDirection.isAnswerTo(offeredDirection)) {
            throw new SdpNegotiationException(where + ": the answer's direction " + answeredDirection.token()
                    + " does not fit the offered " + offeredDirection.token() + " (RFC 3264 §6.1)");
        }
        if (!o.kind().isRtp()) {
            return;
        }
        if (a.codecs().isEmpty()) {
            throw new SdpNegotiationException(where + ": the answer accepts the section without a codec");
        }
        for (Codec codec : a.codecs()) {
            boolean offeredCodec = o.codecs().stream()
                    .anyMatch(c -> c.payloadType() == codec.payloadType() && c.sameFormat(codec));
            if (!offeredCodec) {
                throw new SdpNegotiationException(where + ": the answer's payload type " + codec.payloadType()
                        + " (" + codec.name() + ") is not one the offer listed");
            }
        }
    }
}
