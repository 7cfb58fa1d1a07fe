package dev.calls.ear;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test of the server of the manual container {@code wildfly-restart} (arquillian.xml), which it starts, stops
 * or kills, and starts again on one base directory, so that what was written before a restart is there after
 * it; {@code calls.ear}, deployed once, stays deployed across restarts.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class RestartableServer {

    /** The container's qualifier. */
    public static final String CONTAINER = "wildfly-restart";

    @ArquillianResource
    protected ContainerController controller;

    @ArquillianResource
    protected Deployer deployer;

    @Deployment(testable = false, managed = false, name = CallsEar.NAME)
    @TargetsContainer(CONTAINER)
    public static EnterpriseArchive ear() {
        return CallsEar.built();
    }

    /** The server's base directory: its configuration, data and log, kept across restarts. */
    public static Path baseDirectory() {
        return Path.of(System.getProperty("calls.server.base") + "-restart");
    }

    /** A fresh copy of the configured server's standalone/ folder, used for every run of the test. */
    public static void prepareBaseDirectory() throws IOException {
        Path source = Path.of(System.getProperty("jboss.home"), "standalone");
        Path target = baseDirectory();
        if (Files.exists(target)) {
            try (Stream<Path> old = Files.walk(target)) {
                old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        try (Stream<Path> files = Files.walk(source)) {
            files.forEach(p -> {
                try {
                    Files.copy(p, target.resolve(source.relativize(p).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
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
