package dev.calls.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.calls.ejb.error.CallsException;
import dev.calls.ejb.service.Page;
import org.junit.jupiter.api.Test;

class PageParamsTest {

    @Test
    void absentParametersTakeTheirDefaults() {
        assertEquals(new Page(0, Page.DEFAULT_PER_PAGE), PageParams.of(null, ""));
        assertEquals(30, PageParams.number(null, "per_page", 30));
    }

    @Test
    void givenOnesAreRead() {
        assertEquals(new Page(2, 10), PageParams.of("2", "10"));
        assertEquals(5, PageParams.number("5", "per_page", 30));
    }

    @Test
    void aParameterThatIsNoNumberIsA400NamingIt() {
        CallsException refused = assertThrows(CallsException.class, () -> PageParams.number("ten", "per_page", 30));
        assertEquals(400, refused.status());
        assertEquals("'per_page' must be a whole number.", refused.getMessage());
    }
}
