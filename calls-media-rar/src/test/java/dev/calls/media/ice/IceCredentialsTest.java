package dev.calls.media.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class IceCredentialsTest {
    private static final String ICE_CHAR = "[A-Za-z0-9+/]";

    @Test
    void generatedCredentialsMeetRfc8839Syntax() {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 100; i++) {
            IceCredentials credentials = IceCredentials.generate(random);
            assertTrue(credentials.ufrag().matches(ICE_CHAR + "{4,256}"), credentials.ufrag());
            assertTrue(credentials.password().matches(ICE_CHAR + "{22,256}"));
            assertEquals(IceCredentials.UFRAG_LENGTH, credentials.ufrag().length());
            assertEquals(IceCredentials.PASSWORD_LENGTH, credentials.password().length());
        }
    }

    @Test
    void generatedCredentialsDiffer() {
        SecureRandom random = new SecureRandom();
        assertNotEquals(IceCredentials.generate(random), IceCredentials.generate(random));
    }

    @Test
    void rejectsShortOrNonIceCharValues() {
        String password = "abcdefghijklmnopqrstuv";
        assertThrows(IllegalArgumentException.class, () -> new IceCredentials("abc", password));
        assertThrows(IllegalArgumentException.class, () -> new IceCredentials("abcd", password.substring(1)));
        assertThrows(IllegalArgumentException.class, () -> new IceCredentials("ab:d", password));
        assertThrows(IllegalArgumentException.class, () -> new IceCredentials("abcd", password + "="));
        new IceCredentials("a+/9", password);
    }

    @Test
    void toStringHidesThePassword() {
        IceCredentials credentials = new IceCredentials("abcd", "secretsecretsecretsecret");
        assertFalse(credentials.toString().contains("secret"));
    }
}
