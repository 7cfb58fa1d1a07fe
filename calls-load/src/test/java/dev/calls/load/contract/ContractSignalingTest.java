package dev.calls.load.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;

import org.junit.jupiter.api.Test;

class ContractSignalingTest {

    @Test
    void aServerAddressGetsTheCallsContextRoot() {
        assertEquals(URI.create("http://localhost:8080/calls/"), ContractSignaling.baseOf("http://localhost:8080"));
        assertEquals(URI.create("http://localhost:8080/calls/"), ContractSignaling.baseOf("http://localhost:8080/"));
        assertEquals(URI.create("https://example.org/chat/calls/"), ContractSignaling.baseOf("https://example.org/chat/calls"));
    }

    @Test
    void anAddressThatIsNoHttpUrlIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ContractSignaling.baseOf("localhost:8080"));
        assertThrows(IllegalArgumentException.class, () -> ContractSignaling.baseOf("ws://localhost:8080"));
    }
}
