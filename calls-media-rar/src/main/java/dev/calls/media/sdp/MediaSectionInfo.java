package dev.calls.media.sdp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the engine needs to know of one m-section of an offer or answer, in m-line order: kind, mid,
 * direction (from the writer's side), whether it is rejected, the sources the writer sends, and the
 * negotiated codecs and header extensions.
 */
public record MediaSectionInfo(int index, String mid, MediaKind kind, Direction direction, boolean rejected,
        List<RemoteSource> sources, List<Codec> codecs, List<Extmap> extmaps) {

    public MediaSectionInfo {
        sources = List.copyOf(sources);
        codecs = List.copyOf(codecs);
        extmaps = List.copyOf(extmaps);
    }

    public static List<MediaSectionInfo> of(SessionDescription sdp) {
        List<MediaSectionInfo> infos = new ArrayList<>(sdp.media().size());
        for (int i = 0; i < sdp.media().size(); i++) {
            MediaDescription m = sdp.media().get(i);
            infos.add(new MediaSectionInfo(i, m.mid(), m.kind(), sdp.directionOf(m), m.isRejected(), sources(m),
                    m.codecs(), m.extmaps()));
        }
        return infos;
    }

    /** The payload type of the first codec with that name (case-insensitive), or -1. */
    public int payloadType(String codecName) {
        return codecs.stream().filter(c -> c.isNamed(codecName)).mapToInt(Codec::payloadType).findFirst()
                .orElse(-1);
    }

    /** The id of the header extension with that URI, or 0 when the section does not negotiate it. */
    public int extensionId(String uri) {
        return extmaps.stream().filter(e -> e.uri().equals(uri)).mapToInt(Extmap::id).findFirst().orElse(0);
    }

    public int audioLevelExtensionId() {
        return extensionId(Extmap.AUDIO_LEVEL);
    }

    public int midExtensionId() {
        return extensionId(Extmap.SDES_MID);
    }

    /**
     * The announced SSRCs, without the second SSRC of each FID group: that one carries retransmissions
     * (RFC 4588), which the server neither negotiates nor forwards.
     */
    private static List<RemoteSource> sources(MediaDescription m) {
        Set<Long> retransmission = new HashSet<>();
        for (SsrcGroup group : m.ssrcGroups()) {
            if (SsrcGroup.FID.equalsIgnoreCase(group.semantics()) && group.ssrcs().size() >= 2) {
                retransmission.addAll(group.ssrcs().subList(1, group.ssrcs().size()));
            }
        }
        Msid sectionMsid = m.msids().isEmpty() ? null : m.msids().get(0);
        List<Long> order = new ArrayList<>();
        List<Msid> msids = new ArrayList<>();
        for (SsrcAttribute attribute : m.ssrcs()) {
            if (retransmission.contains(attribute.ssrc())) {
                continue;
            }
            int index = order.indexOf(attribute.ssrc());
            if (index < 0) {
                order.add(attribute.ssrc());
                msids.add(sectionMsid);
                index = order.size() - 1;
            }
            if (SsrcAttribute.MSID.equalsIgnoreCase(attribute.name()) && attribute.value() != null) {
                try {
                    msids.set(index, Msid.parse(attribute.value()));
                } catch (SdpParseException notAnMsid) {
                    // A malformed source-level msid says nothing; the section's a=msid still applies.
                }
            }
        }
        List<RemoteSource> sources = new ArrayList<>(order.size());
        for (int i = 0; i < order.size(); i++) {
            Msid msid = msids.get(i);
            sources.add(new RemoteSource(order.get(i), msid == null ? null : msid.streamId(),
                    msid == null ? null : msid.trackId()));
        }
        return sources;
    }
}
