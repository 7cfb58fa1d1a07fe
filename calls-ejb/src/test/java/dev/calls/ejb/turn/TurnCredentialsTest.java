package dev.calls.ejb.turn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.calls.media.api.TurnSettings;

/** The TURN REST API credential against a vector computed outside Java. */
class TurnCredentialsTest {

    private static final TurnSettings TURN =
            new TurnSettings(List.of("turn:turn.example.com:3478"), "north-wind-secret", 1440);

    @Test
    void theUsernameIsTheExpiryAndTheUserAndTheCredentialItsHmacSha1() {
        // printf '%s' '1700086400:3mq8o1ua4p8ntq9yg6y1f7ymfa' | openssl dgst -sha1 -hmac 'north-wind-secret' -binary | base64
        TurnCredential issued = TurnCredentials.issue(TURN, "3mq8o1ua4p8ntq9yg6y1f7ymfa", Instant.ofEpochSecond(1_700_000_000L));

        assertEquals("1700086400:3mq8o1ua4p8ntq9yg6y1f7ymfa", issued.username());
        assertEquals("HgfKw+xtN86eSBKO6JqM51wf8Ts=", issued.credential());
    }

    @Test
    void theExpiryFollowsTheConfiguredLifetime() {
        TurnSettings hour = new TurnSettings(TURN.urls(), TURN.secret(), 60);

        TurnCredential issued = TurnCredentials.issue(hour, "u", Instant.ofEpochSecond(1_700_000_000L));

        assertEquals("1700003600:u", issued.username());
    }
}
