package dev.calls.load.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.calls.load.signaling.SignalingException;
import dev.calls.load.signaling.SignalingListener;

/** Which of the contract's events reach the participant, and as what. */
class ContractSessionTest {

    private final List<String> heard = new ArrayList<>();
    private final ContractSession session = new ContractSession(new SignalingListener() {
        @Override
        public void onAnswer(String sdp) {
            heard.add("answer " + sdp);
        }

        @Override
        public void onOffer(String sdp) {
            heard.add("offer " + sdp);
        }

        @Override
        public void onClosed(String reason) {
            heard.add("closed " + reason);
        }
    });

    private void frame(String json) throws SignalingException {
        session.onFrame(ServerFrame.parse(json));
    }

    @Test
    void signalsBecomeAnswersAndOffersAndAnErrorClosesTheSession() throws SignalingException {
        frame("{\"event\": \"signal\", \"data\": {\"type\": \"answer\", \"sdp\": \"A\"}, \"seq\": 3}");
        frame("{\"event\": \"signal\", \"data\": {\"type\": \"offer\", \"sdp\": \"O\"}, \"seq\": 4}");
        frame("{\"event\": \"signal\", \"data\": {\"type\": \"candidate\", \"candidate\": {\"candidate\": \"c\"}}, \"seq\": 5}");
        frame("{\"event\": \"user_joined\", \"data\": {\"user_id\": \"u\", \"session_id\": \"s\"}, \"seq\": 6}");
        frame("{\"event\": \"error\", \"data\": {\"id\": \"rtc_timeout\", \"message\": \"no UDP\"}, \"seq\": 7}");

        assertEquals(List.of("answer A", "offer O", "closed rtc_timeout"), heard);
    }

    @Test
    void anotherSessionsRemovalOrAnotherCallsEndIsNotThisSessions() throws SignalingException {
        frame("{\"event\": \"host_removed\", \"data\": {\"session_id\": \"someone-else\"}, \"seq\": 1}");
        frame("{\"event\": \"call_end\", \"data\": {\"call_id\": \"another-call\"}, \"seq\": 2}");

        assertEquals(List.of(), heard);
    }

    @Test
    void aReplyIsLeftToItsRequest() throws SignalingException {
        frame("{\"status\": \"FAIL\", \"seq_reply\": 0, \"error\": {\"id\": \"bad_frame\", \"message\": \"not JSON\"}}");

        assertEquals(List.of(), heard);
    }

    @Test
    void aLostWebSocketClosesTheSessionUnlessItWasLeaving() {
        session.onLost();
        session.leave();
        session.onLost();

        assertEquals(List.of("closed websocket_closed"), heard);
    }
}
