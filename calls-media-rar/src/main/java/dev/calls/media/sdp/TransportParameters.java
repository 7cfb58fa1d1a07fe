package dev.calls.media.sdp;

import java.util.List;

/**
 * The ICE credentials, DTLS fingerprint and DTLS role a description gives for its bundled transport:
 * taken from the first m-section of the BUNDLE group (the tagged section, RFC 8843 §7), or from the
 * first accepted m-section without a group; a media-level value overrides the session-level one.
 *
 * @param setup the role; {@link SetupRole#ACTIVE} when the description has no {@code a=setup}, the
 *              default of RFC 4145 §4
 */
public record TransportParameters(String iceUfrag, String icePwd, Fingerprint fingerprint, SetupRole setup) {

    public static TransportParameters of(SessionDescription sdp) throws SdpNegotiationException {
        MediaDescription section = transportSection(sdp);
        String ufrag = section != null && section.iceUfrag() != null ? section.iceUfrag() : sdp.iceUfrag();
        String pwd = section != null && section.icePwd() != null ? section.icePwd() : sdp.icePwd();
        List<Fingerprint> fingerprints = section != null && !section.fingerprints().isEmpty()
                ? section.fingerprints() : sdp.fingerprints();
        SetupRole setup = section != null && section.setup() != null ? section.setup() : sdp.setup();
        if (ufrag == null || pwd == null) {
            throw new SdpNegotiationException("the description has no a=ice-ufrag and a=ice-pwd (RFC 8839 §5.4)");
        }
        if (fingerprints.isEmpty()) {
            throw new SdpNegotiationException("the description has no a=fingerprint; DTLS-SRTP needs it "
                    + "(RFC 8122 §5)");
        }
        Fingerprint fingerprint = fingerprints.stream().filter(Fingerprint::isSha256).findFirst()
                .orElse(fingerprints.get(0));
        return new TransportParameters(ufrag, pwd, fingerprint, setup == null ? SetupRole.ACTIVE : setup);
    }

    private static MediaDescription transportSection(SessionDescription sdp) {
        Group bundle = sdp.bundleGroup();
        if (bundle != null) {
            for (String mid : bundle.mids()) {
                MediaDescription section = sdp.mediaWithMid(mid);
                if (section != null && !section.isRejected()) {
                    return section;
                }
            }
        }
        return sdp.media().stream().filter(m -> !m.isRejected()).findFirst().orElse(null);
    }
}
