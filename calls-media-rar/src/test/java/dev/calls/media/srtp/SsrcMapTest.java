package dev.calls.media.srtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SsrcMapTest {

    @Test
    void getsWhatWasPutAndNothingElse() {
        SsrcMap<String> map = new SsrcMap<>();
        map.put(0, "zero");
        map.put(-1, "minus one");
        map.put(0x12345678, "some");

        assertEquals("zero", map.get(0));
        assertEquals("minus one", map.get(-1));
        assertEquals("some", map.get(0x12345678));
        assertNull(map.get(1));
        assertEquals(3, map.size());
    }

    @Test
    void replacesWithoutGrowing() {
        SsrcMap<String> map = new SsrcMap<>();
        map.put(7, "a");
        map.put(7, "b");

        assertEquals("b", map.get(7));
        assertEquals(1, map.size());
    }

    /** Random puts and removes over a small key range force collisions, growth and back-shifts. */
    @Test
    void behavesLikeAHashMapUnderRandomPutsAndRemoves() {
        Random random = new Random(11);
        SsrcMap<Integer> map = new SsrcMap<>();
        Map<Integer, Integer> reference = new HashMap<>();
        for (int step = 0; step < 100_000; step++) {
            int ssrc = random.nextInt(300) * 0x01000193;
            if (random.nextInt(3) == 0) {
                map.remove(ssrc);
                reference.remove(ssrc);
            } else {
                map.put(ssrc, step);
                reference.put(ssrc, step);
            }
            int probe = random.nextInt(300) * 0x01000193;
            assertEquals(reference.get(probe), map.get(probe), "step " + step);
            assertEquals(reference.size(), map.size());
        }
    }
}
