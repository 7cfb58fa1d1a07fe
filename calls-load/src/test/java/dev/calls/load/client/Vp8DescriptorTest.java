package dev.calls.load.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Vp8DescriptorTest {

    @Test
    void theStartBitAndTheInverseKeyframeFlagReadBackAsWritten() {
        byte[] key = new byte[2];
        byte[] inter = new byte[2];
        byte[] middle = {(byte) 0xEF, 0};
        Vp8Descriptor.write(key, 0, true, true);
        Vp8Descriptor.write(inter, 0, true, false);
        Vp8Descriptor.write(middle, 0, false, false);

        assertTrue(Vp8Descriptor.isFrameStart(key, 0) && Vp8Descriptor.isKeyframe(key, 0));
        assertTrue(Vp8Descriptor.isFrameStart(inter, 0) && !Vp8Descriptor.isKeyframe(inter, 0));
        assertFalse(Vp8Descriptor.isFrameStart(middle, 0) || Vp8Descriptor.isKeyframe(middle, 0));
    }
}
