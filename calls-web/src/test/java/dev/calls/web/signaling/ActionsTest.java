package dev.calls.web.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.calls.ejb.error.CallsException;
import dev.calls.ejb.service.CallRinging;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActionsTest {

    private final List<String> declined = new ArrayList<>();
    private final Actions actions = new Actions();
    private final Connection connection = new Connection("conn-1", null, Runnable::run);

    ActionsTest() {
        actions.ringing = new CallRinging() {
            @Override
            public void decline(String userId, String channelId) {
                declined.add(userId + " " + channelId);
            }
        };
        connection.authenticated("user-1");
    }

    private Object handle(String frame) throws ActionFrame.MalformedFrameException {
        return actions.handle(connection, ActionFrame.parse(frame));
    }

    @Test
    void declineNamesTheChannelOfTheRingingCallForTheConnectionsUser() throws Exception {
        assertNull(handle("{\"action\":\"decline\",\"seq\":1,\"data\":{\"channel_id\":\"ch-1\"}}"));

        assertEquals(List.of("user-1 ch-1"), declined);
    }

    @Test
    void declineWithoutAChannelIdStringIsRefusedBeforeTheService() {
        for (String data : List.of("{}", "{\"channel_id\":\"\"}", "{\"channel_id\":7}", "{\"channel_id\":null}")) {
            CallsException refused = assertThrows(CallsException.class,
                    () -> handle("{\"action\":\"decline\",\"seq\":1,\"data\":" + data + "}"), data);
            assertEquals("invalid_data", refused.id(), data);
        }
        assertEquals(List.of(), declined);
    }
}
