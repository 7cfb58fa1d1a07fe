package dev.calls.load.abuse;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;

import org.junit.jupiter.api.Test;

class AbuseOptionsTest {

    @Test
    void onlyAPlainHttpServerOnLoopbackIsAttacked() {
        assertDoesNotThrow(() -> AbuseOptions.requireLoopback(URI.create("http://127.0.0.1:8080/calls/")));
        assertDoesNotThrow(() -> AbuseOptions.requireLoopback(URI.create("http://localhost:8080/calls/")));
        assertThrows(IllegalArgumentException.class,
                () -> AbuseOptions.requireLoopback(URI.create("http://192.0.2.10:8080/calls/")));
        assertThrows(IllegalArgumentException.class,
                () -> AbuseOptions.requireLoopback(URI.create("https://127.0.0.1:8443/calls/")));
    }

    @Test
    void boundsOutOfRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new AbuseOptions(0, 50, 1, 1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new AbuseOptions(5, 0, 1, 1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new AbuseOptions(5, 50, -1, 1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new AbuseOptions(5, 50, 1, 1, 1, 1, 0));
        assertDoesNotThrow(() -> new AbuseOptions(5, 50, 0, 0, 0, 0, 1));
    }
}
