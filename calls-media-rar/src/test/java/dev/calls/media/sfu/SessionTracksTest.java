package dev.calls.media.sfu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.calls.media.sdp.MediaSectionInfo;
import dev.calls.media.sdp.SdpParser;
import dev.calls.media.sdp.SessionDescription;
import dev.calls.media.srtp.SrtpProfile;

/** A session's published tracks follow what its offers announce; its received ones, what it subscribed to. */
class SessionTracksTest {

    private static final SrtpProfile PROFILE = SrtpProfile.AES_CM_128_HMAC_SHA1_80;

    @Test
    void announcedSourcesBecomeTracksThatStayWhileAnnouncedAndGoWhenNoLonger() throws Exception {
        try (ConnectedCall call = new ConnectedCall(PROFILE, 1, s -> s)) {
            Participant owner = call.answered(ConnectedCall.PUBLISHER_OFFER, "Xk3f");
            SessionTracks tracks = new SessionTracks(owner, call.host());
            SessionDescription answer = SdpParser.parse(owner.acceptOffer(ConnectedCall.PUBLISHER_OFFER));
            List<MediaSectionInfo> announced = MediaSectionInfo.of(SdpParser.parse(ConnectedCall.PUBLISHER_OFFER));
            List<PublishedTrack> added = new ArrayList<>();
            List<PublishedTrack> removed = new ArrayList<>();

            tracks.updatePublished(announced, answer, null, true, added, removed);
            assertEquals(1, added.size());
            PublishedTrack voice = added.get(0);
            assertSame(voice, tracks.publishedSsrc(ConnectedCall.PUBLISHER_SSRC));
            assertTrue(voice.gated(), "a muted session's new voice starts gated");
            assertEquals(List.of(voice), SessionTracks.gateVoices(tracks.published(), false),
                    "the first unmute lets a voice no one was offered be heard");
            assertFalse(voice.gated());

            added.clear();
            tracks.updatePublished(announced, answer, null, true, added, removed);
            assertEquals(List.of(), added, "a source announced again keeps its track");
            assertSame(voice, tracks.publishedSsrc(ConnectedCall.PUBLISHER_SSRC));

            String silent = ConnectedCall.PUBLISHER_OFFER.replaceAll("a=ssrc:[^\r\n]*\r\n", "");
            tracks.updatePublished(MediaSectionInfo.of(SdpParser.parse(silent)), answer, null, true, added, removed);
            assertEquals(List.of(voice), removed);
            assertEquals(0, tracks.published().length);
        }
    }

    @Test
    void aTrackIsReceivedFromItsAcceptedSubscriptionUntilItStops() throws Exception {
        try (ConnectedCall call = new ConnectedCall(PROFILE, 1, s -> s)) {
            call.startPublisher();
            PublishedTrack voice = call.publisher().published()[0];
            Participant subscriber = call.answered(ConnectedCall.SUBSCRIBER_OFFER, "Rb7q");
            SessionTracks tracks = new SessionTracks(subscriber, call.host());

            tracks.startReceiving(new Subscription(subscriber, voice, "9", -1, null));
            assertSame(voice, tracks.receivingSsrc(ConnectedCall.PUBLISHER_SSRC).track());
            assertEquals(1, voice.subscriberCount());

            tracks.stopReceiving(voice);
            assertNull(tracks.receivingSsrc(ConnectedCall.PUBLISHER_SSRC));
            assertEquals(0, voice.subscriberCount());
        }
    }
}
