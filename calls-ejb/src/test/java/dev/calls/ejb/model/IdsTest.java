package dev.calls.ejb.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void newIdsAreValidAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = Ids.newId();
            assertEquals(26, id.length());
            assertTrue(Ids.isValid(id), id);
            assertTrue(seen.add(id));
        }
    }

    @Test
    void rejectsWrongShapes() {
        assertFalse(Ids.isValid(null));
        assertFalse(Ids.isValid(""));
        assertFalse(Ids.isValid("abcdefghijklmnopqrstuvwxy"));
        assertFalse(Ids.isValid("abcdefghijklmnopqrstuvwxyz2"));
        assertFalse(Ids.isValid("ABCDEFGHIJKLMNOPQRSTUVWXYZ"));
        assertFalse(Ids.isValid("abcdefghijklmnopqrstuvwx01"));
        assertTrue(Ids.isValid("abcdefghijklmnopqrstuvwx27"));
    }
}
