package dev.calls.load.metrics;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The reference is measured on this machine's loopback with the engine's sender: real sockets, no timing asserts. */
class MachineReferenceTest {

    @Test
    void measuresTheCpuOfLoopbackDatagramsAndNamesTheProcessor() throws IOException {
        MachineReference reference = MachineReference.measure();

        assertTrue(reference.loopbackDatagramMicros() > 0, reference::toString);
        assertFalse(reference.processor().isBlank(), reference::toString);
        if (!reference.processor().equals("unknown")) {
            assertTrue(Files.readString(Path.of("/proc/cpuinfo")).contains("model name\t: " + reference.processor()),
                    reference::toString);
        }
    }
}
