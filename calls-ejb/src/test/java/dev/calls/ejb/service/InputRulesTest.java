package dev.calls.ejb.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.calls.ejb.error.CallsException;
import dev.calls.limits.Limit;
import org.junit.jupiter.api.Test;

class InputRulesTest {

    @Test
    void displayNamesKeepLettersEmojiAndRightToLeftScripts() {
        assertEquals("Zoë 🎧", InputRules.displayName("  Zoë 🎧 ", null));
        assertEquals("שלום", InputRules.displayName("שלום", null));
        assertEquals("bob", InputRules.displayName(null, "bob"));
    }

    @Test
    void displayNamesWithInvisibleCharactersAreRefused() {
        String[] invisible = {"\u0000", "\u0007", "\n", "\u007f", "\u200e", "\u200f", "\u202a", "\u202e", "\u2066",
            "\u2069", "\u200b", "\ufeff", "\u2028", "\u2029", "\ud800"};
        for (String c : invisible) {
            CallsException e = assertThrows(CallsException.class, () -> InputRules.displayName("ann" + c + "bob", null),
                    () -> String.format("U+%04X", (int) c.charAt(0)));
            assertEquals(400, e.status());
            assertEquals("api.display_name.invisible_character", e.id());
        }
    }

    @Test
    void passwordLengthIsBoundedByTheLimit() {
        int max = Limit.PASSWORD_CHARS.value();
        assertEquals(max, InputRules.password("p".repeat(max)).length());
        CallsException e = assertThrows(CallsException.class, () -> InputRules.password("p".repeat(max + 1)));
        assertEquals("api.user.password.invalid", e.id());
        assertThrows(CallsException.class, () -> InputRules.password("short"));
    }

    @Test
    void usernamesFollowTheNamingRule() {
        assertTrue(InputRules.isUsername("admin"));
        assertFalse(InputRules.isUsername("Admin"));
        assertFalse(InputRules.isUsername("a".repeat(4000)));
        assertFalse(InputRules.isUsername(null));
    }
}
