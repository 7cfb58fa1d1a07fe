package dev.calls.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * The admin password reaches the server without appearing on its command line, which every local user
 * reads (ps, /proc/PID/cmdline): the tests hand it over in the environment, as the run script does.
 */
class AdminPasswordIT extends DeployedEar {

    @Test
    void thePasswordIsNotOnTheServersCommandLineAndAdminSignsIn() {
        String serverBase = "-Djboss.server.base.dir=" + System.getProperty("calls.server.base");
        List<String> servers = ProcessHandle.allProcesses()
                .map(process -> commandLine(process.pid()))
                .flatMap(Optional::stream)
                .filter(line -> line.contains("jboss-modules") && line.contains(serverBase))
                .toList();
        assertEquals(1, servers.size(), "the suite's WildFly is found by its base directory: " + servers);

        assertFalse(servers.get(0).contains(Api.ADMIN_PASSWORD), servers.get(0));
        new Api(base).adminToken();
    }

    /** The process' arguments, NUL-separated in procfs; empty for a process gone or not ours to read. */
    private static Optional<String> commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return Optional.of(new String(raw, StandardCharsets.UTF_8).replace('\0', ' '));
        } catch (IOException | UncheckedIOException gone) {
            return Optional.empty();
        }
    }
}
