package dev.calls.media.sfu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The close reasons' ids are error ids of the signaling contract: clients and signaling match on them. */
class CloseReasonTest {

    @Test
    void eachReasonKeepsItsContractId() {
        assertEquals(List.of("rtc_timeout", "rtc_consent_lost", "dtls_failed", "dtls_closed", "closed", "engine_stopped"),
                Arrays.stream(CloseReason.values()).map(CloseReason::id).toList());
    }
}
