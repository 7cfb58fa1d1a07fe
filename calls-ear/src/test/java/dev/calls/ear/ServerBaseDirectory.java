package dev.calls.ear;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The base directory of a server a test starts and stops itself (a manual Arquillian container whose
 * {@code jboss.server.base.dir} is the suite's base directory with a suffix): a fresh copy of the configured
 * server's standalone/ folder, which the test prepares before the first start and may keep across restarts.
 */
public final class ServerBaseDirectory {

    private ServerBaseDirectory() {
    }

    /** The base directory of the container whose base directory property ends in {@code -suffix}. */
    public static Path of(String suffix) {
        return Path.of(System.getProperty("calls.server.base") + "-" + suffix);
    }

    /** Replaces that directory with a fresh copy of the configured server's standalone/ folder. */
    public static Path prepare(String suffix) throws IOException {
        Path source = Path.of(System.getProperty("jboss.home"), "standalone");
        Path target = of(suffix);
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
        return target;
    }
}
