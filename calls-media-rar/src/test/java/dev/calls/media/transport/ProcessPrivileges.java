package dev.calls.media.transport;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;

/** What this test process may ask of the scheduler, read from /proc as the kernel decides it. */
final class ProcessPrivileges {

    private static final int CAP_SYS_NICE = 23;

    private ProcessPrivileges() {
    }

    /** CAP_SYS_NICE in this process's effective capabilities (root has it, capabilities(7)). */
    static boolean hasSysNice() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("CapEff:")) {
                return new BigInteger(line.substring("CapEff:".length()).trim(), 16).testBit(CAP_SYS_NICE);
            }
        }
        return false;
    }

    /**
     * The soft limit named {@code name} in /proc/self/limits ("Max nice priority", "Max realtime priority"),
     * {@link Integer#MAX_VALUE} when unlimited, 0 when absent.
     */
    static int softLimit(String name) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
            if (line.startsWith(name)) {
                String soft = line.substring(name.length()).trim().split("\\s+")[0];
                return soft.equals("unlimited") ? Integer.MAX_VALUE : Integer.parseInt(soft);
            }
        }
        return 0;
    }
}
