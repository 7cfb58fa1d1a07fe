package dev.calls.media.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each test runs its body on this thread and checks the nice value the kernel reports for it. */
class ThreadNiceTest {

    private static final int CAP_SYS_NICE = 23;

    private int before;

    @BeforeEach
    void needsTheLibrary() {
        assumeTrue(NativeUdp.available(), "libcallsudp is built on Linux x86_64 only");
        before = ThreadNice.ofCurrentThread();
    }

    @Test
    void theLoopRunsAtTheNiceValueWherePermittedAndTheThreadGetsItsOwnBack() throws IOException {
        int nice = Math.max(-20, before - 3);
        AtomicInteger during = new AtomicInteger(Integer.MIN_VALUE);

        ThreadNice.runAt(nice, () -> during.set(ThreadNice.ofCurrentThread()));

        // Without the privilege the kernel refuses (EACCES) and the loop runs at the thread's own priority.
        assertEquals(mayLowerNiceTo(nice) ? nice : before, during.get());
        assertEquals(before, ThreadNice.ofCurrentThread());
    }

    @Test
    void zeroLeavesThePriorityAsItIs() {
        AtomicInteger during = new AtomicInteger(Integer.MIN_VALUE);

        ThreadNice.runAt(0, () -> during.set(ThreadNice.ofCurrentThread()));

        assertEquals(before, during.get());
    }

    @Test
    void aLoopThatFailsStillHandsTheThreadBackAtItsOwnPriority() {
        IllegalStateException failure = new IllegalStateException("the loop failed");

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> ThreadNice.runAt(Math.max(-20, before - 2), () -> {
                    throw failure;
                }));

        assertSame(failure, thrown);
        assertEquals(before, ThreadNice.ofCurrentThread());
    }

    /**
     * CAP_SYS_NICE in this process's effective capabilities (root has it, capabilities(7)), or an RLIMIT_NICE
     * whose soft limit n allows nice values down to 20 - n (setrlimit(2)), read from /proc.
     */
    private static boolean mayLowerNiceTo(int nice) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("CapEff:")
                    && new BigInteger(line.substring("CapEff:".length()).trim(), 16).testBit(CAP_SYS_NICE)) {
                return true;
            }
        }
        for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
            if (line.startsWith("Max nice priority")) {
                String soft = line.substring("Max nice priority".length()).trim().split("\\s+")[0];
                return soft.equals("unlimited") || 20 - Integer.parseInt(soft) <= nice;
            }
        }
        return false;
    }
}
