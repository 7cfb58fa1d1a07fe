package dev.calls.load.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The clients' network namespace of {@code src/main/sh/client-namespace.sh}, made for a test and removed after
 * it; one already up (a developer's) is used as it is and left. Tests that need it are skipped where the
 * script cannot run: not root, or without iproute2, ethtool or the JNI library.
 */
public final class ClientNamespaceFixture implements AutoCloseable {

    public static final String NAME = "calls-clients";
    private static final Path SCRIPT = Path.of("src/main/sh/client-namespace.sh");

    private final boolean made;

    private ClientNamespaceFixture(boolean made) {
        this.made = made;
    }

    /** The namespace, or a skipped test where it cannot be made here. */
    public static ClientNamespaceFixture upOrSkip() throws IOException, InterruptedException {
        assumeTrue(SharedLoopbackSocket.available(), "libloadudp is built on Linux x86_64 only");
        assumeTrue(isRoot(), "entering a network namespace needs root (CAP_SYS_ADMIN)");
        assumeTrue(onPath("ip") && onPath("ethtool") && onPath("tc"), "iproute2 and ethtool (Debian) are installed");
        if (Files.exists(Path.of("/run/netns", NAME))) {
            return new ClientNamespaceFixture(false);
        }
        run("up");
        return new ClientNamespaceFixture(true);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (made) {
            run("down");
        }
    }

    private static void run(String action) throws IOException, InterruptedException {
        Process script = new ProcessBuilder("bash", SCRIPT.toString(), action, NAME).redirectErrorStream(true).start();
        String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(script.waitFor(30, TimeUnit.SECONDS), () -> "client-namespace.sh " + action + " hung");
        assertEquals(0, script.exitValue(), () -> "client-namespace.sh " + action + ": " + output);
    }

    private static boolean isRoot() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .anyMatch(line -> line.matches("Uid:\\s+0\\s.*"));
    }

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin";
        for (String directory : path.split(":")) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, command))) {
                return true;
            }
        }
        return false;
    }
}
