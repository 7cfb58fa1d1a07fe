package dev.calls.media.sdp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes the server's offers for renegotiation (RFC 8829 §5.2.2), when tracks of other participants are
 * added to or removed from a session. Immutable and thread-safe.
 *
 * <p>The offer starts from the session's current local description (the last answer or offer the server
 * made that the client accepted): its m-sections stay in the same order with the same mids, codecs and
 * extension ids, each with the direction its transceiver now has; a section without a transceiver (its
 * track is gone) becomes {@code inactive} in place, and rejected sections stay rejected. Mids are never
 * reused for another track. Transceivers with a mid the description does not have yet become new
 * sections at the end. Every accepted section carries the same transport with {@code a=setup:actpass}
 * as JSEP offers do; a client that already has the DTLS association keeps its role (RFC 8842 §5.5).
 */
public final class OfferBuilder {

    private static final String MSID_SEMANTIC = "WMS *";
    private static final int FIRST_DYNAMIC_PT = 96;
    private static final int LAST_DYNAMIC_PT = 127;
    private static final int LAST_ONE_BYTE_EXTENSION_ID = 14;

    private final LocalParameters local;
    private final MediaCapabilities capabilities;

    public OfferBuilder(LocalParameters local, MediaCapabilities capabilities) {
        this.local = Objects.requireNonNull(local, "local");
        this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
    }

    /**
     * @param current      the session's current local description
     * @param transceivers all transceivers of the session; new ones (mid not in {@code current}) are added
     *                     in list order
     * @param origin       the offer's origin: the session's id, a version above the current one
     * @throws IllegalArgumentException when a transceiver's kind differs from its section's, names a
     *                                  rejected section, or two transceivers share a mid
     */
    public SessionDescription offer(SessionDescription current, List<Transceiver> transceivers, Origin origin) {
        Map<String, Transceiver> byMid = new HashMap<>();
        for (Transceiver t : transceivers) {
            if (byMid.put(t.mid(), t) != null) {
                throw new IllegalArgumentException("two transceivers with mid " + t.mid());
            }
        }
        ExtensionIds extensionIds = new ExtensionIds(current);
        List<MediaDescription> sections = new ArrayList<>();
        for (MediaDescription existing : current.media()) {
            Transceiver t = existing.mid() == null ? null : byMid.remove(existing.mid());
            if (existing.isRejected()) {
                if (t != null) {
                    throw new IllegalArgumentException("mid " + t.mid() + " names a rejected m-section; "
                            + "give the track a new mid");
                }
                sections.add(existing.rejectedCopy());
                continue;
            }
            if (t != null && t.kind() != existing.kind()) {
                throw new IllegalArgumentException("mid " + t.mid() + " is an m=" + existing.media()
                        + " section, not " + t.kind());
            }
            MediaDescription.Builder section = section(existing.media(), existing.proto(), existing.mid(),
                    t == null ? Direction.INACTIVE : t.direction());
            existing.extmaps().forEach(section::extmap);
            existing.codecs().forEach(section::codec);
            finish(section, t == null ? null : t.sendTrack());
            sections.add(section.build());
        }
        for (Transceiver t : transceivers) {
            if (byMid.containsKey(t.mid())) {
                sections.add(newSection(current, t, extensionIds));
            }
        }
        List<String> bundled = new ArrayList<>();
        sections.stream().filter(m -> !m.isRejected()).forEach(m -> bundled.add(m.mid()));
        SessionDescription.Builder offer = SessionDescription.builder(origin)
                .group(new Group(Group.BUNDLE, bundled))
                .iceLite(true)
                .msidSemantic(MSID_SEMANTIC);
        sections.forEach(offer::media);
        return offer.build();
    }

    /**
     * The lowest number not yet used as a mid by the description or the transceivers. Sections are never
     * removed, so a mid handed out once is never handed out again (RFC 8829 §5.2.2 forbids recycling).
     */
    public static String nextMid(SessionDescription current, List<Transceiver> transceivers) {
        Set<String> used = new HashSet<>(current.mids());
        transceivers.forEach(t -> used.add(t.mid()));
        int n = 0;
        while (used.contains(Integer.toString(n))) {
            n++;
        }
        return Integer.toString(n);
    }

    /**
     * The payload type to send the kind's codec with in a new section: the one the session already uses
     * for that codec, since one payload type means one format throughout a bundle (RFC 8843 §9.1);
     * otherwise the codec's default when free, else the lowest free dynamic payload type.
     *
     * @throws IllegalArgumentException when the server forwards no codec of that kind
     */
    public int payloadTypeFor(SessionDescription current, MediaKind kind) {
        List<Codec> codecs = capabilities.codecs(kind);
        if (codecs.isEmpty()) {
            throw new IllegalArgumentException("no codec for " + kind);
        }
        Codec codec = codecs.get(0);
        Set<Integer> taken = new HashSet<>();
        for (MediaDescription m : current.media()) {
            for (Codec c : m.codecs()) {
                if (c.sameFormat(codec)) {
                    return c.payloadType();
                }
                taken.add(c.payloadType());
            }
        }
        if (!taken.contains(codec.payloadType())) {
            return codec.payloadType();
        }
        for (int pt = FIRST_DYNAMIC_PT; pt <= LAST_DYNAMIC_PT; pt++) {
            if (!taken.contains(pt)) {
                return pt;
            }
        }
        throw new IllegalStateException("no dynamic payload type is free in this session");
    }

    private MediaDescription newSection(SessionDescription current, Transceiver t, ExtensionIds extensionIds) {
        MediaDescription.Builder section = section(t.kind().media(), "UDP/TLS/RTP/SAVPF", t.mid(), t.direction());
        for (String uri : capabilities.extensions(t.kind())) {
            int id = extensionIds.idFor(uri);
            if (id > 0) {
                section.extmap(new Extmap(id, uri));
            }
        }
        int pt = t.sendTrack() != null ? t.sendTrack().payloadType() : payloadTypeFor(current, t.kind());
        section.codec(capabilities.codecs(t.kind()).get(0).withPayloadType(pt));
        finish(section, t.sendTrack());
        return section.build();
    }

    private MediaDescription.Builder section(String media, String proto, String mid, Direction direction) {
        return MediaDescription.builder(media, local.port(), proto)
                .formats(List.of())
                .connection(local.connection())
                .mid(mid)
                .iceUfrag(local.iceUfrag())
                .icePwd(local.icePwd())
                .fingerprint(local.fingerprint())
                .setup(SetupRole.ACTPASS)
                .direction(direction)
                .rtcpMux(true)
                .rtcpRsize(true);
    }

    private void finish(MediaDescription.Builder section, SendTrack track) {
        if (track != null) {
            SendTracks.describe(section, track);
        }
        local.candidates().forEach(section::candidate);
        section.endOfCandidates(true);
    }

    /**
     * Header extension ids across the bundle: a URI keeps the id the session gave it; a new URI gets the
     * lowest one-byte id (RFC 8285 §4.2) no section uses, so one id never means two extensions.
     */
    private static final class ExtensionIds {
        private final Map<String, Integer> ids = new HashMap<>();
        private final Set<Integer> used = new HashSet<>();

        ExtensionIds(SessionDescription current) {
            for (MediaDescription m : current.media()) {
                for (Extmap e : m.extmaps()) {
                    ids.putIfAbsent(e.uri(), e.id());
                    used.add(e.id());
                }
            }
        }

        /** The id for the URI, or 0 when every one-byte id is taken. */
        int idFor(String uri) {
            Integer id = ids.get(uri);
            if (id != null) {
                return id;
            }
            for (int candidate = 1; candidate <= LAST_ONE_BYTE_EXTENSION_ID; candidate++) {
                if (used.add(candidate)) {
                    ids.put(uri, candidate);
                    return candidate;
                }
            }
            return 0;
        }
    }
}
