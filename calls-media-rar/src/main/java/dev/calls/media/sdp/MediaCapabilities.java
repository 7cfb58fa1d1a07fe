package dev.calls.media.sdp;

import java.util.List;

/**
 * The codecs and RTP header extensions the server forwards, per kind. The payload type of each codec is
 * only its default, used when the session has not numbered that codec yet; answers take the offerer's.
 */
public record MediaCapabilities(List<Codec> audioCodecs, List<Codec> videoCodecs, List<String> audioExtensions,
        List<String> videoExtensions) {

    public MediaCapabilities {
        audioCodecs = List.copyOf(audioCodecs);
        videoCodecs = List.copyOf(videoCodecs);
        audioExtensions = List.copyOf(audioExtensions);
        videoExtensions = List.copyOf(videoExtensions);
    }

    /**
     * Opus 48 kHz stereo with in-band FEC (RFC 7587 §6.1) and the RFC 6464 audio level; VP8 (RFC 7741) with
     * generic NACK, PLI (RFC 4585 §4.2) and FIR (RFC 5104 §7.1). No RTX, RED or FEC formats: the server
     * answers NACKs from its own packet history. Both kinds carry the mid extension (RFC 8843 §15.1).
     */
    public static MediaCapabilities defaults() {
        return new MediaCapabilities(
                List.of(new Codec(111, Codec.OPUS, 48000, 2, "minptime=10;useinbandfec=1", List.of())),
                List.of(new Codec(96, Codec.VP8, 90000, 0, null, List.of("nack", "nack pli", "ccm fir"))),
                List.of(Extmap.AUDIO_LEVEL, Extmap.SDES_MID),
                List.of(Extmap.SDES_MID));
    }

    /** The codecs of a kind, empty for kinds the server does not forward. */
    public List<Codec> codecs(MediaKind kind) {
        return switch (kind) {
            case AUDIO -> audioCodecs;
            case VIDEO -> videoCodecs;
            default -> List.of();
        };
    }

    /** The header extension URIs of a kind. */
    public List<String> extensions(MediaKind kind) {
        return switch (kind) {
            case AUDIO -> audioExtensions;
            case VIDEO -> videoExtensions;
            default -> List.of();
        };
    }
}
