package dev.calls.media.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A whole session description (RFC 8866 §5): the session-level lines and attributes WebRTC uses, every
 * other session-level {@code a=} line in {@code attributes}, and the media descriptions in m-line order.
 * Transport attributes ({@code fingerprint}, {@code setup}, {@code ice-ufrag}, {@code ice-pwd}) are kept
 * where they were written; at media level they override these (RFC 8839 §5.4, RFC 8122 §5).
 * Optional values are {@code null} when absent. Instances are immutable and safe to share.
 */
public record SessionDescription(
        Origin origin, String sessionName, Connection connection, List<String> bandwidths, List<Timing> timings,
        List<Group> groups, boolean iceLite, List<String> iceOptions, String msidSemantic,
        List<Fingerprint> fingerprints, SetupRole setup, String iceUfrag, String icePwd, Direction direction,
        List<Attribute> attributes, List<MediaDescription> media) {

    public SessionDescription {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(sessionName, "sessionName");
        bandwidths = List.copyOf(bandwidths);
        timings = List.copyOf(timings);
        groups = List.copyOf(groups);
        iceOptions = List.copyOf(iceOptions);
        fingerprints = List.copyOf(fingerprints);
        attributes = List.copyOf(attributes);
        media = List.copyOf(media);
    }

    /** The first {@code a=group:BUNDLE}, or {@code null} when the description bundles nothing. */
    public Group bundleGroup() {
        return groups.stream().filter(Group::isBundle).findFirst().orElse(null);
    }

    /** The mids of the m-sections in m-line order; {@code null} entries for sections without mid. */
    public List<String> mids() {
        List<String> mids = new ArrayList<>();
        media.forEach(m -> mids.add(m.mid()));
        return mids;
    }

    /** The m-section with that mid, or {@code null}. */
    public MediaDescription mediaWithMid(String mid) {
        return media.stream().filter(m -> mid.equals(m.mid())).findFirst().orElse(null);
    }

    /** The direction of a section, falling back to the session-level attribute, then sendrecv (RFC 8866 §6.7). */
    public Direction directionOf(MediaDescription section) {
        if (section.direction() != null) {
            return section.direction();
        }
        return direction == null ? Direction.SENDRECV : direction;
    }

    public static Builder builder(Origin origin) {
        return new Builder(origin);
    }

    /** Mutable assembly of a {@link SessionDescription}. Defaults: {@code s=-}, {@code t=0 0} when none given. */
    public static final class Builder {
        private Origin origin;
        private String sessionName = "-";
        private Connection connection;
        private final List<String> bandwidths = new ArrayList<>();
        private final List<Timing> timings = new ArrayList<>();
        private final List<Group> groups = new ArrayList<>();
        private boolean iceLite;
        private final List<String> iceOptions = new ArrayList<>();
        private String msidSemantic;
        private final List<Fingerprint> fingerprints = new ArrayList<>();
        private SetupRole setup;
        private String iceUfrag;
        private String icePwd;
        private Direction direction;
        private final List<Attribute> attributes = new ArrayList<>();
        private final List<MediaDescription> media = new ArrayList<>();

        private Builder(Origin origin) {
            this.origin = origin;
        }

        public Builder origin(Origin value) {
            origin = value;
            return this;
        }

        public Builder sessionName(String value) {
            sessionName = value;
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

        public Builder timing(Timing value) {
            timings.add(value);
            return this;
        }

        public Builder group(Group value) {
            groups.add(value);
            return this;
        }

        public Builder iceLite(boolean value) {
            iceLite = value;
            return this;
        }

        public Builder iceOptions(List<String> value) {
            iceOptions.clear();
            iceOptions.addAll(value);
            return this;
        }

        public Builder msidSemantic(String value) {
            msidSemantic = value;
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

        public Builder iceUfrag(String value) {
            iceUfrag = value;
            return this;
        }

        public Builder icePwd(String value) {
            icePwd = value;
            return this;
        }

        public Builder direction(Direction value) {
            direction = value;
            return this;
        }

        public Builder attribute(Attribute value) {
            attributes.add(value);
            return this;
        }

        public Builder media(MediaDescription value) {
            media.add(value);
            return this;
        }

        Origin origin() {
            return origin;
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

        Direction direction() {
            return direction;
        }

        public SessionDescription build() {
            List<Timing> t = timings.isEmpty() ? List.of(Timing.UNBOUNDED) : timings;
            return new SessionDescription(origin, sessionName, connection, bandwidths, t, groups, iceLite,
                    iceOptions, msidSemantic, fingerprints, setup, iceUfrag, icePwd, direction, attributes, media);
        }
    }
}
