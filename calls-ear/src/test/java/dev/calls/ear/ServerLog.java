package dev.calls.ear;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A test server's {@code server.log} from a mark on: what an attack or a fault made the server write. */
public final class ServerLog {

    private static final Path LOG = Path.of(System.getProperty("calls.server.base"), "log", "server.log");

    private final Path log;
    private final long start;

    private ServerLog(Path log, long start) {
        this.log = log;
        this.start = start;
    }

    /** Marks the current end of the suite's server's log. */
    public static ServerLog mark() {
        return mark(LOG);
    }

    /** Marks the current end of that log, of a server the test started itself. */
    public static ServerLog mark(Path log) {
        try {
            return new ServerLog(log, Files.size(log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything written since the mark. */
    public String since() {
        try (SeekableByteChannel channel = Files.newByteChannel(log)) {
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.max(0, channel.size() - start));
            channel.position(start);
            int read = 0;
            while (buffer.hasRemaining() && read >= 0) {
                read = channel.read(buffer);
            }
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines written since the mark that contain {@code text}. */
    public long linesWith(String text) {
        return since().lines().filter(line -> line.contains(text)).count();
    }
}
