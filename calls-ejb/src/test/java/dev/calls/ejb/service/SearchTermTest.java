package dev.calls.ejb.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SearchTermTest {

    @Test
    void findsTheTermAnywhereWhateverItsCase() {
        assertEquals("%town%", SearchTerm.containing("  Town "));
        assertEquals("%%", SearchTerm.containing(null));
    }

    @Test
    void theTermsOwnWildcardsAreLiteral() {
        assertEquals("%50\\% off\\_now\\\\%", SearchTerm.containing("50% off_now\\"));
    }
}
