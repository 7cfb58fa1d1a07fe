package dev.calls.web.rest;

import static dev.calls.web.JsonFactory.JSON;

import dev.calls.ejb.turn.TurnCredential;
import dev.calls.ejb.turn.TurnCredentials;
import dev.calls.media.api.TurnSettings;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import java.io.StringReader;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The {@code ice_servers} one user is given: the configured ICE servers as written (static TURN credentials
 * included), then the TURN servers of the TURN setting with a credential issued to that user just now.
 */
final class IceServersView {

    private static final Logger LOG = Logger.getLogger(IceServersView.class);

    private IceServersView() {
    }

    static JsonArray of(String iceServersJson, TurnSettings turn, String userId, Instant now) {
        JsonArrayBuilder servers = JSON.createArrayBuilder(configured(iceServersJson));
        if (turn.configured()) {
            TurnCredential credential = TurnCredentials.issue(turn, userId, now);
            servers.add(JSON.createObjectBuilder()
                    .add("urls", JSON.createArrayBuilder(turn.urls()))
                    .add("username", credential.username())
                    .add("credential", credential.credential()));
        }
        return servers.build();
    }

    private static JsonArray configured(String iceServersJson) {
        try (var reader = JSON.createReader(new StringReader(iceServersJson))) {
            return reader.readArray();
        } catch (JsonException | IllegalStateException e) {
            LOG.warnf("calls.iceServers is not a JSON array of ICE servers; handing clients none: %s", e.getMessage());
            return JsonArray.EMPTY_JSON_ARRAY;
        }
    }
}
