package dev.calls.ear;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The test server's {@code server.log} from a mark on: what an attack made the server write. */
public final class ServerLog {

    private static final Path LOG = Path.of(System.getProperty("calls.server.base"), "log", "server.log");

    private final long start;

    private ServerLog(long start) {
        this.start = start;
    }

    /** Marks the log's current end. */
    public static ServerLog mark() {
        try {
            return new ServerLog(Files.size(LOG));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything written since the mark. */
    public String since() {
        try (SeekableByteChannel channel = Files.newByteChannel(LOG)) {
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
