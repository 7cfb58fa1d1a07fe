package dev.calls.media.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One media description: the {@code m=} line and what follows it up to the next (RFC 8866 §5.14), with
 * the attributes WebRTC uses interpreted and every other {@code a=} line kept in {@code attributes}.
 * Optional values are {@code null} when the line is absent; {@code direction} is {@code null} without a
 * direction attribute (RFC 8866 §6.7: then the session-level one, else sendrecv, applies).
 * {@code numberOfPorts} is 1 unless the m-line says {@code port/n}.
 */
public record MediaDescription(
        String media, int port, int numberOfPorts, String proto, List<String> formats,
        Connection connection, List<String> bandwidths,
        String mid, Direction direction, boolean rtcpMux, boolean rtcpRsize,
        String iceUfrag, String icePwd, List<String> iceOptions,
        List<Fingerprint> fingerprints, SetupRole setup,
        List<Candidate> candidates, boolean endOfCandidates,
        List<Codec> codecs, List<Extmap> extmaps,
        List<Msid> msids, List<SsrcGroup> ssrcGroups, List<SsrcAttribute> ssrcs,
        List<Attribute> attributes) {

    /** RFC 8843 §6: an m-section with port 0 that is still part of the bundle. */
    static final String BUNDLE_ONLY = "bundle-only";

    public MediaDescription {
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(proto, "proto");
        if (port < 0 || port > 65535 || numberOfPorts < 1) {
            throw new IllegalArgumentException("port out of range");
        }
        formats = List.copyOf(formats);
        bandwidths = List.copyOf(bandwidths);
        iceOptions = List.copyOf(iceOptions);
        fingerprints = List.copyOf(fingerprints);
        candidates = List.copyOf(candidates);
        codecs = List.copyOf(codecs);
        extmaps = List.copyOf(extmaps);
        msids = List.copyOf(msids);
        ssrcGroups = List.copyOf(ssrcGroups);
        ssrcs = List.copyOf(ssrcs);
        attributes = List.copyOf(attributes);
    }

    public MediaKind kind() {
        return MediaKind.of(media);
    }

    /** RFC 3264 §6: port 0 rejects (or, in a later offer, disables) the section, unless it is bundle-only. */
    public boolean isRejected() {
        return port == 0 && !hasAttribute(BUNDLE_ONLY);
    }

    public boolean hasAttribute(String name) {
        return attributes.stream().anyMatch(a -> a.name().equalsIgnoreCase(name));
    }

    /** The first codec with that name (case-insensitive), or {@code null}. */
    public Codec codecNamed(String name) {
        return codecs.stream().filter(c -> c.isNamed(name)).findFirst().orElse(null);
    }

    /** The id this section maps the header extension URI to, or 0 when it does not negotiate it. */
    public int extensionId(String uri) {
        return extmaps.stream().filter(e -> e.uri().equals(uri)).mapToInt(Extmap::id).findFirst().orElse(0);
    }

    /**
     * This section rejected (in an answer) or disabled (in a later offer): port 0, the same media, proto
     * and formats, and only the mid so the other side can match it (RFC 8829 §5.3.1, §5.2.2).
     */
    public MediaDescription rejectedCopy() {
        Builder b = new Builder(media, 0, proto).formats(formats).connection(Connection.UNSPECIFIED);
        return b.mid(mid).build();
    }

    public static Builder builder(String media, int port, String proto) {
        return new Builder(media, port, proto);
    }

    /** Mutable assembly of a {@link MediaDescription}; the lists are exposed for adding. */
    public static final class Builder {
        private final String media;
        private final int port;
        private int numberOfPorts = 1;
        private final String proto;
        private final List<String> formats = new ArrayList<>();
        private Connection connection;
        private final List<String> bandwidths = new ArrayList<>();
        private String mid;
        private Direction direction;
        private boolean rtcpMux;
        private boolean rtcpRsize;
        private String iceUfrag;
        private String icePwd;
        private final List<String> iceOptions = new ArrayList<>();
        private final List<Fingerprint> fingerprints = new ArrayList<>();
        private SetupRole setup;
        private final List<Candidate> candidates = new ArrayList<>();
        private boolean endOfCandidates;
        private final List<Codec> codecs = new ArrayList<>();
        private final List<Extmap> extmaps = new ArrayList<>();
        private final List<Msid> msids = new ArrayList<>();
        private final List<SsrcGroup> ssrcGroups = new ArrayList<>();
        private final List<SsrcAttribute> ssrcs = new ArrayList<>();
        private final List<Attribute> attributes = new ArrayList<>();

        private Builder(String media, int port, String proto) {
            this.media = media;
            this.port = port;
            this.proto = proto;
        }

        public Builder numberOfPorts(int value) {
            numberOfPorts = value;
            return this;
        }

        public Builder formats(List<String> value) {
            formats.clear();
            formats.addAll(value);
            return this;
        }

        public Builder connection(Connection value) {
            connection = value;
            return this;
        }

        public Builder bandwidth(String value) {
            bandwidths.add(value);
            return this;
        }

        public Builder mid(String value) {
            mid = value;
            return this;
        }

        public Builder direction(Direction value) {
            direction = value;
            return this;
        }

        public Builder rtcpMux(boolean value) {
            rtcpMux = value;
            return this;
        }

        public Builder rtcpRsize(boolean value) {
            rtcpRsize = value;
            return this;
        }

        public Builder iceUfrag(String value) {
            iceUfrag = value;
            return this;
        }

        public Builder icePwd(String value) {
            icePwd = value;
            return this;
        }

        public Builder iceOptions(List<String> value) {
            iceOptions.clear();
            iceOptions.addAll(value);
            return this;
        }

        public Builder fingerprint(Fingerprint value) {
            fingerprints.add(value);
            return this;
        }

        public Builder setup(SetupRole value) {
            setup = value;
            return this;
        }

        public Builder candidate(Candidate value) {
            candidates.add(value);
            return this;
        }

        public Builder endOfCandidates(boolean value) {
            endOfCandidates = value;
            return this;
        }

        /** Adds a codec and its payload type to the m-line's formats when not listed yet. */
        public Builder codec(Codec value) {
            codecs.add(value);
            String pt = Integer.toString(value.payloadType());
            if (!formats.contains(pt)) {
                formats.add(pt);
            }
            return this;
        }

        public Builder extmap(Extmap value) {
            extmaps.add(value);
            return this;
        }

        public Builder msid(Msid value) {
            msids.add(value);
            return this;
        }

        public Builder ssrcGroup(SsrcGroup value) {
            ssrcGroups.add(value);
            return this;
        }

        public Builder ssrc(SsrcAttribute value) {
            ssrcs.add(value);
            return this;
        }

        public Builder attribute(Attribute value) {
            attributes.add(value);
            return this;
        }

        String mid() {
            return mid;
        }

        Direction direction() {
            return direction;
        }

        String iceUfrag() {
            return iceUfrag;
        }

        String icePwd() {
            return icePwd;
        }

        SetupRole setup() {
            return setup;
        }

        List<String> formats() {
            return formats;
        }

        public MediaDescription build() {
            return new MediaDescription(media, port, numberOfPorts, proto, formats, connection, bandwidths, mid,
                    direction, rtcpMux, rtcpRsize, iceUfrag, icePwd, iceOptions, fingerprints, setup, candidates,
                    endOfCandidates, codecs, extmaps, msids, ssrcGroups, ssrcs, attributes);
        }
    }
}
