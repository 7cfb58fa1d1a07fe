package dev.calls.load.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ProcFilesTest {

    /** Tasks are found by the start of their name, as the load tool finds the clients' NAPI kernel thread. */
    @Test
    void cpuOfTasksNamedSumsEveryTaskWhoseNameStartsSo() throws Exception {
        String ownName = Files.readString(Path.of("/proc/self/comm")).trim();
        long own = ProcFiles.cpuNanos(Long.toString(ProcessHandle.current().pid()));
        long named = ProcFiles.cpuNanosOfTasksNamed(ownName.substring(0, Math.min(3, ownName.length())));
        assertTrue(own > 0, "this JVM has run");
        assertTrue(named >= own, () -> "this JVM (" + ownName + ") is among them: " + named + " < " + own);
        assertEquals(-1, ProcFiles.cpuNanosOfTasksNamed("no task is named like this"));
    }
}
