package dev.calls.media.jca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.calls.media.MediaEngineConfig;
import dev.calls.media.api.CallSettings;

/** The settings snapshot: the declared defaults read cleanly, and every bad value is refused by name. */
class AdapterSettingsTest {

    private static Map<String, String> defaultsWith(String property, String value) {
        Map<String, String> values = new HashMap<>(ConfigProperties.defaults(MediaResourceAdapter.class));
        values.put(property, value);
        return values;
    }

    @Test
    void theDeclaredDefaultsAreValidAndMatchTheApisDefaults() throws InvalidSettingException {
        AdapterSettings defaults = AdapterSettings.read(ConfigProperties.defaults(MediaResourceAdapter.class));

        assertEquals(CallSettings.DEFAULTS, defaults.product());
        assertEquals(MediaEngineConfig.DEFAULT_MEDIA_THREAD_NICE, defaults.engine().mediaThreadNice());
        assertEquals(MediaEngineConfig.DEFAULT_MEDIA_THREAD_REALTIME_PRIORITY, defaults.engine().mediaThreadRealtimePriority());
        assertEquals("", defaults.engine().iceHostOverride(), "none is no override");
    }

    @ParameterizedTest
    @CsvSource({
        "udpPort, abc",
        "udpPort, 70000",
        "udpPort, 0",
        "udpSocketCount, 0",
        "maxParticipantsPerCall, -1",
        "allowScreenSharing, yes",
        "defaultEnabled, 1",
        "rtcConnectTimeoutSeconds, 1.5",
        "nackHistoryPackets, ''",
        "mediaThreadNice, -21",
        "mediaThreadRealtimePriority, 100",
        "bindAddress, ' '",
        "turnServers, stun:turn.example.com",
        "turnCredentialLifetimeMinutes, 0",
        "iceTransportPolicy, relayed",
    })
    void aBadValueIsRefusedNamingThePropertyAndTheValue(String property, String value) {
        InvalidSettingException refused = assertThrows(InvalidSettingException.class,
                () -> AdapterSettings.read(defaultsWith(property, value)));

        assertTrue(refused.getMessage().startsWith("setting " + property + "=" + value.trim() + " refused: expected "),
                refused.getMessage());
    }

    @Test
    void valuesAreReadAsTheServerStoresThemWithSpacesAndAnyCaseOfBooleans() throws InvalidSettingException {
        AdapterSettings read = AdapterSettings.read(defaultsWith("udpPort", " 10000 "));
        AdapterSettings off = AdapterSettings.read(defaultsWith("allowScreenSharing", "FALSE"));

        assertEquals(10000, read.engine().udpPort());
        assertEquals(false, off.product().allowScreenSharing());
    }

    @Test
    void anIceHostOverrideIsAdvertisedAsGiven() throws InvalidSettingException {
        AdapterSettings read = AdapterSettings.read(defaultsWith("iceHostOverride", "203.0.113.10"));

        assertEquals("203.0.113.10", read.engine().iceHostOverride());
    }

    @Test
    void turnServersAreReadWithTheirSecretLifetimeAndTheRelayPolicy() throws InvalidSettingException {
        Map<String, String> values = defaultsWith("turnServers",
                "turn:turn.example.com:3478?transport=udp, turn:turn.example.com:3478?transport=tcp turns:turn.example.com:5349");
        values.put("turnSecret", "s3cret");
        values.put("turnCredentialLifetimeMinutes", "60");
        values.put("iceTransportPolicy", "RELAY");

        CallSettings read = AdapterSettings.read(values).product();

        assertEquals(List.of("turn:turn.example.com:3478?transport=udp", "turn:turn.example.com:3478?transport=tcp",
                "turns:turn.example.com:5349"), read.turn().urls());
        assertEquals("s3cret", read.turn().secret());
        assertEquals(60, read.turn().credentialLifetimeMinutes());
        assertTrue(read.relayOnly());
        assertFalse(read.toString().contains("s3cret"), "the settings print without the secret");
    }

    @Test
    void turnServersWithoutASecretAreRefusedWithoutPrintingAnySecret() {
        Map<String, String> values = defaultsWith("turnServers", "turn:turn.example.com:3478");

        InvalidSettingException refused = assertThrows(InvalidSettingException.class, () -> AdapterSettings.read(values));

        assertTrue(refused.getMessage().startsWith("setting turnSecret=none refused"), refused.getMessage());
    }
}
