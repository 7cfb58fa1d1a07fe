package dev.calls.media.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Answers a client's offer as the ICE-lite, DTLS-passive SFU (RFC 8829 §5.3). Immutable and thread-safe.
 *
 * <p>Every m-section is answered in order with the offer's mid. Audio and video sections are accepted with
 * the codecs and header extensions both sides support, keeping the offerer's payload types and extension
 * ids; an RTP section with no common codec, a data channel, or any other media is rejected with port 0.
 * Accepted sections are bundled and carry the same transport: ICE credentials, the fingerprint,
 * {@code a=setup:passive}, the host candidates and {@code a=end-of-candidates} (an ICE-lite agent has
 * all its candidates from the start, RFC 8838 §4.1). An offer without BUNDLE, or with an RTP section
 * outside the BUNDLE group or without rtcp-mux, is refused: the server serves all media on one port.
 */
public final class AnswerBuilder {

    private static final String MSID_SEMANTIC = "WMS *";

    private final LocalParameters local;
    private final MediaCapabilities capabilities;

    public AnswerBuilder(LocalParameters local, MediaCapabilities capabilities) {
        this.local = Objects.requireNonNull(local, "local");
        this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
    }

    /**
     * @param offer        the client's offer
     * @param transceivers the session's transceivers; those that send put their track on the section with
     *                     their mid when the client offers to receive there
     * @param origin       the answer's origin (same session id for the whole session, growing version)
     */
    public SessionDescription answer(SessionDescription offer, List<Transceiver> transceivers, Origin origin)
            throws SdpNegotiationException {
        TransportParameters remote = TransportParameters.of(offer);
        if (remote.setup() == SetupRole.PASSIVE || remote.setup() == SetupRole.HOLDCONN) {
            throw new SdpNegotiationException("the offer has a=setup:" + remote.setup().token()
                    + "; the server is always the DTLS server, so the offer must be actpass or active");
        }
        Group bundle = offer.bundleGroup();
        if (bundle == null) {
            throw new SdpNegotiationException("the offer has no a=group:BUNDLE; the server needs all media "
                    + "bundled on one transport (RFC 8843)");
        }
        List<MediaDescription> answered = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        for (MediaDescription offered : offer.media()) {
            MediaDescription section = answerSection(offer, offered, bundle, transceivers);
            if (!section.isRejected()) {
                accepted.add(section.mid());
            }
            answered.add(section);
        }
        if (accepted.isEmpty()) {
            throw new SdpNegotiationException("the offer has no audio or video section the server can accept "
                    + "(it forwards " + supportedCodecNames() + ")");
        }
        List<String> bundled = new ArrayList<>();
        bundle.mids().stream().filter(accepted::contains).forEach(bundled::add);
        SessionDescription.Builder answer = SessionDescription.builder(origin)
                .group(new Group(Group.BUNDLE, bundled))
                .iceLite(true)
                .msidSemantic(MSID_SEMANTIC);
        answered.forEach(answer::media);
        return answer.build();
    }

    private MediaDescription answerSection(SessionDescription offer, MediaDescription offered, Group bundle,
            List<Transceiver> transceivers) throws SdpNegotiationException {
        String mid = offered.mid();
        if (mid == null) {
            throw new SdpNegotiationException("an m=" + offered.media() + " section of the offer has no a=mid; "
                    + "BUNDLE needs one on every section (RFC 8843 §7.2)");
        }
        if (offered.isRejected() || !offered.kind().isRtp() || !isSecureRtp(offered.proto())) {
            return offered.rejectedCopy();
        }
        if (!bundle.mids().contains(mid)) {
            throw new SdpNegotiationException("the offer's m=" + offered.media() + " section with mid '" + mid
                    + "' is not in its BUNDLE group; the server needs all media bundled (RFC 8843)");
        }
        if (!offered.rtcpMux()) {
            throw new SdpNegotiationException("the offer's m=" + offered.media() + " section with mid '" + mid
                    + "' has no a=rtcp-mux; the server needs RTP and RTCP on one port (RFC 8858)");
        }
        List<Codec> codecs = commonCodecs(offered);
        if (codecs.isEmpty()) {
            return offered.rejectedCopy();
        }
        Direction offeredDirection = offer.directionOf(offered);
        SendTrack track = transceivers.stream()
                .filter(t -> t.mid().equals(mid) && t.sendTrack() != null && t.kind() == offered.kind())
                .map(Transceiver::sendTrack).findFirst().orElse(null);
        boolean send = track != null && offeredDirection.receives();
        // RFC 3264 §6.1: receive what the client sends; send only where it receives and the server has a track.
        Direction direction = Direction.of(send, offeredDirection.sends());
        MediaDescription.Builder section = MediaDescription.builder(offered.media(), local.port(), offered.proto())
                .formats(List.of())
                .connection(local.connection())
                .mid(mid)
                .iceUfrag(local.iceUfrag())
                .icePwd(local.icePwd())
                .fingerprint(local.fingerprint())
                .setup(SetupRole.PASSIVE)
                .direction(direction)
                .rtcpMux(true)
                .rtcpRsize(offered.rtcpRsize());
        for (Extmap extmap : offered.extmaps()) {
            if (capabilities.extensions(offered.kind()).contains(extmap.uri())) {
                section.extmap(new Extmap(extmap.id(), extmap.uri()));
            }
        }
        codecs.forEach(section::codec);
        if (send) {
            SendTracks.describe(section, track);
        }
        local.candidates().forEach(section::candidate);
        return section.endOfCandidates(true).build();
    }

    /**
     * The offered codecs the server supports, in the offerer's order of preference and with its payload
     * types (RFC 8829 §5.3.1), with our format parameters and the feedback both sides support.
     */
    private List<Codec> commonCodecs(MediaDescription offered) {
        List<Codec> common = new ArrayList<>();
        for (Codec codec : offered.codecs()) {
            for (Codec supported : capabilities.codecs(offered.kind())) {
                if (supported.sameFormat(codec)) {
                    List<String> feedback = new ArrayList<>(supported.rtcpFeedback());
                    feedback.retainAll(codec.rtcpFeedback());
                    common.add(supported.withPayloadType(codec.payloadType()).withRtcpFeedback(feedback));
                    break;
                }
            }
        }
        return common;
    }

    /** DTLS-SRTP with feedback: UDP/TLS/RTP/SAVPF as JSEP writes it, or the older RTP/SAVPF. */
    private static boolean isSecureRtp(String proto) {
        String p = proto.toUpperCase(Locale.ROOT);
        return p.equals("UDP/TLS/RTP/SAVPF") || p.equals("RTP/SAVPF");
    }

    private String supportedCodecNames() {
        List<String> names = new ArrayList<>();
        capabilities.audioCodecs().forEach(c -> names.add(c.name()));
        capabilities.videoCodecs().forEach(c -> names.add(c.name()));
        return String.join(", ", names);
    }
}
