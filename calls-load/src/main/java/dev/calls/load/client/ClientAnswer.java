package dev.calls.load.client;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * A simulated browser's answer to a server offer (renegotiation adding or removing other participants'
 * tracks): the same m-sections, mids, codecs and extensions in the same order (RFC 3264 §6), its own ICE
 * credentials and fingerprint, {@code a=setup:active} (it stays the DTLS client, RFC 5763 §5), none of the
 * server's candidates, ICE-lite flag or sources. Directions are turned round (RFC 3264 §6.1): sections of
 * its own sources keep sending and announce them again; every other section at most receives.
 */
public final class ClientAnswer {

    private ClientAnswer() {
    }

    public static String to(String offer, ClientIdentity identity, boolean sendsAudio, long sessionId,
            long sessionVersion) {
        StringJoiner answer = new StringJoiner("\r\n", "", "\r\n");
        List<String> section = null;
        for (String line : offer.split("\r?\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("m=")) {
                flush(answer, section, identity, sendsAudio);
                section = new ArrayList<>();
                section.add(line);
            } else if (section != null) {
                section.add(line);
            } else if (line.startsWith("o=")) {
                answer.add("o=- " + sessionId + " " + sessionVersion + " IN IP4 127.0.0.1");
            } else if (!line.startsWith("a=ice-lite")) {
                answer.add(transportLine(line, identity));
            }
        }
        flush(answer, section, identity, sendsAudio);
        return answer.toString();
    }

    private static void flush(StringJoiner answer, List<String> section, ClientIdentity identity, boolean sendsAudio) {
        if (section == null) {
            return;
        }
        String mid = null;
        for (String line : section) {
            if (line.startsWith("a=mid:")) {
                mid = line.substring("a=mid:".length()).trim();
            }
        }
        int ssrc = 0;
        String streamId = null;
        String trackId = null;
        if (sendsAudio && ClientOffer.AUDIO_MID.equals(mid)) {
            ssrc = identity.audioSsrc();
            streamId = identity.audioStreamId();
            trackId = identity.audioTrackId();
        } else if (identity.sharesScreen() && ClientOffer.SCREEN_MID.equals(mid)) {
            ssrc = identity.screenSsrc();
            streamId = identity.screenStreamId();
            trackId = identity.screenTrackId();
        }
        boolean ours = ssrc != 0;
        for (String line : section) {
            if (line.startsWith("a=candidate:") || line.startsWith("a=end-of-candidates") || line.startsWith("a=ssrc")
                    || line.startsWith("a=msid:") || line.startsWith("a=ice-lite")) {
                continue;
            }
            String direction = answeredDirection(line, ours);
            answer.add(direction != null ? direction : transportLine(line, identity));
        }
        if (ours && !section.get(0).startsWith("m=audio 0") && !section.get(0).startsWith("m=video 0")) {
            answer.add("a=msid:" + streamId + " " + trackId);
            long unsigned = Integer.toUnsignedLong(ssrc);
            answer.add("a=ssrc:" + unsigned + " cname:" + identity.cname());
            answer.add("a=ssrc:" + unsigned + " msid:" + streamId + " " + trackId);
        }
    }

    /** The answer's direction for an offered direction line, or null if the line is no direction. */
    private static String answeredDirection(String line, boolean ours) {
        return switch (line) {
            case "a=sendrecv" -> ours ? "a=sendrecv" : "a=recvonly";
            case "a=recvonly" -> ours ? "a=sendonly" : "a=inactive";
            case "a=sendonly" -> "a=recvonly";
            case "a=inactive" -> "a=inactive";
            default -> null;
        };
    }

    private static String transportLine(String line, ClientIdentity identity) {
        if (line.startsWith("a=ice-ufrag:")) {
            return "a=ice-ufrag:" + identity.ice().ufrag();
        }
        if (line.startsWith("a=ice-pwd:")) {
            return "a=ice-pwd:" + identity.ice().password();
        }
        if (line.startsWith("a=fingerprint:")) {
            return "a=fingerprint:" + identity.certificate().fingerprint().toSdp();
        }
        if (line.startsWith("a=setup:")) {
            return "a=setup:active";
        }
        return line;
    }
}
