package dev.calls.media.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

import org.jboss.logging.Logger;

/**
 * Loads a JNI library packed in the classes jar under {@code native/<os>-<arch>/}. {@code System.load} needs
 * a file, so the library is copied to a temporary file of a new name each time: WildFly redeploys the RAR in
 * a new class loader, and the JVM binds a native library to one class loader only (a second load of the same
 * file from another loader fails with UnsatisfiedLinkError). Every outcome is logged once, at INFO.
 *
 * <p>Public for the load tool, whose own library is packed the same way.
 */
public final class NativeLibrary {

    private static final Logger LOG = Logger.getLogger(NativeLibrary.class);

    private NativeLibrary() {
    }

    /**
     * Loads {@code lib<name>.so} for this platform from beside {@code owner}'s classes; false, with the reason
     * logged, when it cannot.
     *
     * @param use      what the library is used for, logged when it loads
     * @param fallback what is done instead, logged when it does not
     */
    public static boolean load(Class<?> owner, String name, String use, String fallback) {
        String platform = platform();
        if (platform == null) {
            return skipped(name, "no build for " + System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                    fallback);
        }
        String resource = "/native/" + platform + "/lib" + name + ".so";
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                return skipped(name, resource + " is not on the class path (built without gcc?)", fallback);
            }
            Path file = Files.createTempFile("lib" + name + "-", ".so");
            try {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                System.load(file.toAbsolutePath().toString());
            } finally {
                // Once mapped, the library no longer needs its file (Linux keeps an unlinked mapping): nothing
                // is left behind, even if the JVM dies. deleteOnExit only if the unlink failed.
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    file.toFile().deleteOnExit();
                }
            }
            LOG.infof("native library %s loaded: %s", name, use);
            return true;
        } catch (IOException | RuntimeException | LinkageError e) {
            return skipped(name, e.toString(), fallback);
        }
    }

    /** Logs why {@code name} is not used and what is done instead; always false. */
    static boolean skipped(String name, String why, String fallback) {
        LOG.infof("native library %s not used (%s): %s", name, why, fallback);
        return false;
    }

    private static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        boolean x86_64 = arch.equals("amd64") || arch.equals("x86_64");
        return os.startsWith("linux") && x86_64 ? "linux-x86_64" : null;
    }
}
