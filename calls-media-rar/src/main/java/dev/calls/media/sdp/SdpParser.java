package dev.calls.media.sdp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads SDP text (RFC 8866) into a {@link SessionDescription}. Lenient where browsers differ harmlessly:
 * CRLF or LF line ends, blank lines, blanks around values, any order of lines within a level, lines of
 * types it does not use ({@code i= u= e= p= z= k= r=}) skipped, unknown attributes kept. Strict where
 * the text is not SDP or contradicts itself: every such problem is an {@link SdpParseException} naming
 * the line. Stateless and thread-safe.
 */
public final class SdpParser {

    private static final int ECHO_LIMIT = 60;

    private SdpParser() {
    }

    public static SessionDescription parse(String text) throws SdpParseException {
        if (text == null || text.isBlank()) {
            throw new SdpParseException(0, "the session description is empty");
        }
        return new Run().parse(text);
    }

    /** The state of one parse: the session being built and the m-section being read. */
    private static final class Run {
        private final SessionDescription.Builder session = SessionDescription.builder(null);
        private final List<MediaDescription> media = new ArrayList<>();
        private final Set<String> mids = new HashSet<>();
        private Section section;
        private boolean sessionNameSeen;
        private boolean sessionConnectionSeen;

        SessionDescription parse(String text) throws SdpParseException {
            int lineNumber = 0;
            boolean versionSeen = false;
            int pos = 0;
            while (pos <= text.length()) {
                int newline = text.indexOf('\n', pos);
                int end = newline < 0 ? text.length() : newline;
                String line = text.substring(pos, end);
                pos = end + 1;
                lineNumber++;
                if (line.endsWith("\r")) {
                    line = line.substring(0, line.length() - 1);
                }
                line = SdpTokens.trim(line);
                if (line.isEmpty()) {
                    continue;
                }
                if (line.length() < 2 || line.charAt(1) != '=') {
                    throw new SdpParseException(lineNumber, "expected '<type>=<value>', found '" + echo(line) + "'");
                }
                char type = line.charAt(0);
                String value = line.substring(2);
                if (!versionSeen) {
                    if (type != 'v' || !"0".equals(SdpTokens.trim(value))) {
                        throw new SdpParseException(lineNumber, "a session description starts with 'v=0', found '"
                                + echo(line) + "'");
                    }
                    versionSeen = true;
                    continue;
                }
                try {
                    line(type, value);
                } catch (SdpParseException e) {
                    throw e.lineNumber() > 0 ? e : e.atLine(lineNumber);
                }
            }
            endSection();
            if (session.origin() == null) {
                throw new SdpParseException(lineNumber, "the session description has no o= line");
            }
            media.forEach(session::media);
            return session.build();
        }

        private void line(char type, String value) throws SdpParseException {
            switch (type) {
                case 'v' -> throw new SdpParseException("a second v= line");
                case 'o' -> {
                    sessionLevelOnly("o=");
                    if (session.origin() != null) {
                        throw new SdpParseException("a second o= line");
                    }
                    session.origin(Origin.parse(value));
                }
                case 's' -> {
                    sessionLevelOnly("s=");
                    if (sessionNameSeen) {
                        throw new SdpParseException("a second s= line");
                    }
                    sessionNameSeen = true;
                    String name = SdpTokens.trim(value);
                    session.sessionName(name.isEmpty() ? "-" : name);
                }
                case 't' -> {
                    sessionLevelOnly("t=");
                    session.timing(Timing.parse(value));
                }
                case 'c' -> connection(Connection.parse(value));
                case 'b' -> {
                    String bandwidth = SdpTokens.trim(value);
                    if (bandwidth.indexOf(':') <= 0) {
                        throw new SdpParseException("b= needs 'bwtype:bandwidth', found '" + echo(bandwidth) + "'");
                    }
                    if (section == null) {
                        session.bandwidth(bandwidth);
                    } else {
                        section.builder.bandwidth(bandwidth);
                    }
                }
                case 'm' -> {
                    endSection();
                    section = new Section(value);
                }
                case 'a' -> attribute(value);
                case 'i', 'u', 'e', 'p', 'z', 'k', 'r' -> {
                    // RFC 8866 §5: valid lines that WebRTC does not use; nothing to keep.
                }
                default -> throw new SdpParseException("unknown line type '" + type + "=' (RFC 8866 §5)");
            }
        }

        private void sessionLevelOnly(String what) throws SdpParseException {
            if (section != null) {
                throw new SdpParseException(what + " belongs to the session level, before the first m= line");
            }
        }

        private void connection(Connection c) throws SdpParseException {
            if (section == null) {
                if (sessionConnectionSeen) {
                    throw new SdpParseException("a second session-level c= line");
                }
                sessionConnectionSeen = true;
                session.connection(c);
            } else {
                if (section.connectionSeen) {
                    throw new SdpParseException("a second c= line in one m-section");
                }
                section.connectionSeen = true;
                section.builder.connection(c);
            }
        }

        private void attribute(String text) throws SdpParseException {
            int colon = text.indexOf(':');
            String name = SdpTokens.trim(colon < 0 ? text : text.substring(0, colon));
            String value = colon < 0 ? null : SdpTokens.trim(text.substring(colon + 1));
            if (name.isEmpty()) {
                throw new SdpParseException("a= line without an attribute name");
            }
            if (section == null) {
                sessionAttribute(name, value);
            } else {
                section.attribute(name, value, mids);
            }
        }

        private void sessionAttribute(String name, String value) throws SdpParseException {
            Direction direction = Direction.fromToken(name);
            if (direction != null) {
                if (session.direction() != null) {
                    throw new SdpParseException("a second direction attribute at session level");
                }
                session.direction(direction);
                return;
            }
            switch (name) {
                case "group" -> session.group(Group.parse(required(name, value)));
                case "ice-lite" -> session.iceLite(true);
                case "ice-options" -> session.iceOptions(List.of(SdpTokens.split(required(name, value))));
                case "msid-semantic" -> session.msidSemantic(required(name, value));
                case "fingerprint" -> session.fingerprint(Fingerprint.parse(required(name, value)));
                case "setup" -> {
                    if (session.setup() != null) {
                        throw new SdpParseException("a second a=setup at session level");
                    }
                    session.setup(SetupRole.parse(required(name, value)));
                }
                case "ice-ufrag" -> {
                    if (session.iceUfrag() != null) {
                        throw new SdpParseException("a second a=ice-ufrag at session level");
                    }
                    session.iceUfrag(required(name, value));
                }
                case "ice-pwd" -> {
                    if (session.icePwd() != null) {
                        throw new SdpParseException("a second a=ice-pwd at session level");
                    }
                    session.icePwd(required(name, value));
                }
                default -> session.attribute(new Attribute(name, value));
            }
        }

        private void endSection() {
            if (section != null) {
                media.add(section.build());
                section = null;
            }
        }
    }

    /** One m-section being read: rtpmap, fmtp and rtcp-fb lines are joined into codecs at its end. */
    private static final class Section {
        private final MediaDescription.Builder builder;
        private final Map<Integer, Codec> rtpmaps = new TreeMap<>();
        private final Map<Integer, String> fmtps = new TreeMap<>();
        private final Map<Integer, List<String>> feedback = new TreeMap<>();
        private final Set<Integer> extmapIds = new HashSet<>();
        private boolean connectionSeen;

        Section(String mLine) throws SdpParseException {
            String[] t = SdpTokens.split(mLine);
            if (t.length < 4) {
                throw new SdpParseException("m= needs 'media port proto format...', found " + t.length + " fields");
            }
            String portToken = t[1];
            int numberOfPorts = 1;
            int slash = portToken.indexOf('/');
            if (slash >= 0) {
                numberOfPorts = SdpTokens.parseInt(portToken.substring(slash + 1), 1, 65535, "number of ports");
                portToken = portToken.substring(0, slash);
            }
            int port = SdpTokens.parseInt(portToken, 0, 65535, "m= port");
            builder = MediaDescription.builder(t[0], port, t[2])
                    .numberOfPorts(numberOfPorts)
                    .formats(List.of(t).subList(3, t.length));
        }

        void attribute(String name, String value, Set<String> mids) throws SdpParseException {
            Direction direction = Direction.fromToken(name);
            if (direction != null) {
                if (builder.direction() != null) {
                    throw new SdpParseException("a second direction attribute in one m-section");
                }
                builder.direction(direction);
                return;
            }
            switch (name) {
                case "mid" -> mid(required(name, value), mids);
                case "rtcp-mux" -> builder.rtcpMux(true);
                case "rtcp-rsize" -> builder.rtcpRsize(true);
                case "ice-ufrag" -> {
                    if (builder.iceUfrag() != null) {
                        throw new SdpParseException("a second a=ice-ufrag in one m-section");
                    }
                    builder.iceUfrag(required(name, value));
                }
                case "ice-pwd" -> {
                    if (builder.icePwd() != null) {
                        throw new SdpParseException("a second a=ice-pwd in one m-section");
                    }
                    builder.icePwd(required(name, value));
                }
                case "ice-options" -> builder.iceOptions(List.of(SdpTokens.split(required(name, value))));
                case "fingerprint" -> builder.fingerprint(Fingerprint.parse(required(name, value)));
                case "setup" -> {
                    if (builder.setup() != null) {
                        throw new SdpParseException("a second a=setup in one m-section");
                    }
                    builder.setup(SetupRole.parse(required(name, value)));
                }
                case "candidate" -> builder.candidate(Candidate.parse(required(name, value)));
                case "end-of-candidates" -> builder.endOfCandidates(true);
                case "rtpmap" -> {
                    Codec codec = Codec.parseRtpmap(required(name, value));
                    if (rtpmaps.putIfAbsent(codec.payloadType(), codec) != null) {
                        throw new SdpParseException("a second a=rtpmap for payload type " + codec.payloadType());
                    }
                }
                case "fmtp" -> {
                    String[] ptAndParameters = SdpTokens.splitFirst(required(name, value));
                    int pt = Codec.parsePayloadType(ptAndParameters[0]);
                    if (fmtps.putIfAbsent(pt, ptAndParameters[1]) != null) {
                        throw new SdpParseException("a second a=fmtp for payload type " + pt);
                    }
                }
                case "rtcp-fb" -> rtcpFeedback(required(name, value));
                case "extmap" -> {
                    Extmap extmap = Extmap.parse(required(name, value));
                    if (!extmapIds.add(extmap.id())) {
                        throw new SdpParseException("extmap id " + extmap.id() + " is used twice (RFC 8285 §5)");
                    }
                    builder.extmap(extmap);
                }
                case "ssrc" -> builder.ssrc(SsrcAttribute.parse(required(name, value)));
                case "ssrc-group" -> builder.ssrcGroup(SsrcGroup.parse(required(name, value)));
                case "msid" -> builder.msid(Msid.parse(required(name, value)));
                default -> builder.attribute(new Attribute(name, value));
            }
        }

        private void mid(String mid, Set<String> mids) throws SdpParseException {
            if (builder.mid() != null) {
                throw new SdpParseException("a second a=mid in one m-section");
            }
            if (!mids.add(mid)) {
                throw new SdpParseException("mid '" + echo(mid) + "' is already used by another m-section "
                        + "(RFC 5888 §4)");
            }
            builder.mid(mid);
        }

        private void rtcpFeedback(String value) throws SdpParseException {
            String[] ptAndFeedback = SdpTokens.splitFirst(value);
            if (ptAndFeedback[1].isEmpty()) {
                throw new SdpParseException("a=rtcp-fb needs 'payload-type feedback'");
            }
            if ("*".equals(ptAndFeedback[0])) {
                builder.attribute(new Attribute("rtcp-fb", value));
                return;
            }
            int pt = Codec.parsePayloadType(ptAndFeedback[0]);
            feedback.computeIfAbsent(pt, k -> new ArrayList<>()).add(ptAndFeedback[1]);
        }

        /**
         * Codecs in m-line format order; rtpmap, fmtp and rtcp-fb lines of payload types the m-line does
         * not list (or that have no rtpmap) mean nothing for negotiation and stay plain attributes.
         */
        MediaDescription build() {
            Set<Integer> used = new HashSet<>();
            // A copy: adding a codec adds its canonical payload type to the formats when the m-line
            // spelled it differently (say "09"), which would change the list under this loop.
            for (String format : List.copyOf(builder.formats())) {
                Integer pt = payloadTypeOrNull(format);
                if (pt != null && rtpmaps.containsKey(pt) && used.add(pt)) {
                    Codec rtpmap = rtpmaps.get(pt);
                    builder.codec(new Codec(pt, rtpmap.name(), rtpmap.clockRate(), rtpmap.channels(), fmtps.get(pt),
                            feedback.getOrDefault(pt, List.of())));
                }
            }
            rtpmaps.forEach((pt, codec) -> {
                if (!used.contains(pt)) {
                    builder.attribute(new Attribute("rtpmap", pt + " " + codec.rtpmapValue()));
                }
            });
            fmtps.forEach((pt, parameters) -> {
                if (!used.contains(pt)) {
                    builder.attribute(new Attribute("fmtp", SdpTokens.trim(pt + " " + parameters)));
                }
            });
            feedback.forEach((pt, values) -> {
                if (!used.contains(pt)) {
                    values.forEach(v -> builder.attribute(new Attribute("rtcp-fb", pt + " " + v)));
                }
            });
            return builder.build();
        }

        private static Integer payloadTypeOrNull(String format) {
            try {
                return Codec.parsePayloadType(format);
            } catch (SdpParseException notAPayloadType) {
                return null;
            }
        }
    }

    private static String required(String name, String value) throws SdpParseException {
        if (value == null || value.isEmpty()) {
            throw new SdpParseException("a=" + name + " needs a value");
        }
        return value;
    }

    private static String echo(String text) {
        return text.length() <= ECHO_LIMIT ? text : text.substring(0, ECHO_LIMIT) + "...";
    }
}
