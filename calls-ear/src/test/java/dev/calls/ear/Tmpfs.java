package dev.calls.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs mounted over a directory, as root, that the test fills to the last byte and frees again: a disk
 * running full under whatever writes there. Closing unmounts it, so the mount never outlives the test; the
 * server writing there must be stopped first.
 */
final class Tmpfs implements AutoCloseable {

    private static final int CHUNK = 1 << 20;

    private final Path mountPoint;
    private final Path filler;

    private Tmpfs(Path mountPoint) {
        this.mountPoint = mountPoint;
        this.filler = mountPoint.resolve("filler");
    }

    /** Mounts a tmpfs of {@code size} (mount(8) syntax, such as 16m), named {@code name}, over the directory. */
    static Tmpfs mount(String name, Path directory, String size) throws IOException {
        assertEquals("root", System.getProperty("user.name"), "mounting a tmpfs needs root");
        Files.createDirectories(directory);
        run("mount", "-t", "tmpfs", "-o", "size=" + size, name, directory.toString());
        return new Tmpfs(directory);
    }

    /**
     * Writes a file until the file system has no byte left: whole chunks first, then ever smaller ones, so that
     * not even one page is free when this returns.
     */
    void fill() throws IOException {
        ByteBuffer zeros = ByteBuffer.allocate(CHUNK);
        try (FileChannel out = FileChannel.open(filler, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            for (int length = CHUNK; length > 0; ) {
                zeros.clear().limit(length);
                try {
                    while (zeros.hasRemaining()) {
                        out.write(zeros);
                    }
                } catch (IOException full) {
                    length /= 2;
                }
            }
        }
    }

    /** Deletes what {@link #fill()} wrote: the space is free again. */
    void free() throws IOException {
        Files.deleteIfExists(filler);
    }

    /** Bytes the file system still has. */
    long usable() throws IOException {
        return Files.getFileStore(mountPoint).getUsableSpace();
    }

    @Override
    public void close() throws IOException {
        run("umount", mountPoint.toString());
    }

    private static void run(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
