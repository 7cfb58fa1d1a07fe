package dev.calls.ear;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/**
 * A test of the server of the manual container {@code wildfly-restart} (arquillian.xml), which it starts, stops
 * or kills, and starts again on one base directory, so that what was written before a restart is there after
 * it; {@code calls.ear}, deployed once, stays deployed across restarts.
 */
public abstract class RestartableServer extends ManualServer {

    /** The container's qualifier. */
    public static final String CONTAINER = "wildfly-restart";

    @Deployment(testable = false, managed = false, name = CallsEar.NAME)
    @TargetsContainer(CONTAINER)
    public static EnterpriseArchive ear() {
        return CallsEar.built();
    }

    /** The server's base directory: its configuration, data and log, kept across restarts. */
    public static Path baseDirectory() {
        return ServerBaseDirectory.of("restart");
    }

    /** A fresh copy of the configured server's standalone/ folder, used for every run of the test. */
    public static void prepareBaseDirectory() throws IOException {
        ServerBaseDirectory.prepare("restart");
    }

    /**
     * Kills the server's JVM with SIGKILL (what {@link ProcessHandle#destroyForcibly} sends on Linux): no
     * shutdown hook, no drain, nothing written. The server is the one child process of this test JVM run on
     * the restart base directory. Returns when the kill was sent (epoch ms), once the process is gone.
     */
    public static long kill() throws Exception {
        String baseDir = baseDirectory().getFileName().toString();
        ProcessHandle server = ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("jboss.server.base.dir=")
                        && p.info().commandLine().orElse("").contains(baseDir))
                .findFirst().orElseThrow(() -> new AssertionError("no server process runs on " + baseDir));
        long at = System.currentTimeMillis();
        server.destroyForcibly();
        server.onExit().get(30, TimeUnit.SECONDS);
        return at;
    }

    /** The deployment was kept by the server across the restart; waits until it answers, returns when it did (epoch ms). */
    public static long awaitDeployed(Api api) throws InterruptedException {
        for (int i = 0; i < 240; i++) {
            int status = api.get("system/ping", null).status();
            if (status == 200 || status == 503) {
                return System.currentTimeMillis();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("calls.ear did not come back after the restart");
    }
}
