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
 */
final class NativeLibrary {

    private static final Logger LOG = Logger.getLogger(NativeLibrary.class);

    private NativeLibrary() {
    }

    /** Loads {@code lib<name>.so} for this platform; false, with the reason logged, when it cannot. */
    static boolean load(String name) {
        String platform = platform();
        if (platform == null) {
            return skipped(name, "no build for " + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        }
        String resource = "/native/" + platform + "/lib" + name + ".so";
        try (InputStream in = NativeLibrary.class.getResourceAsStream(resource)) {
            if (in == null) {
                return skipped(name, resource + " is not on the class path (built without gcc?)");
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
            LOG.infof("native library %s loaded: media is sent in batches with sendmmsg(2)", name);
            return true;
        } catch (IOException | RuntimeException | LinkageError e) {
            return skipped(name, e.toString());
        }
    }

    /** Logs why {@code name} is not used; always false. */
    static boolean skipped(String name, String why) {
        LOG.infof("native library %s not used (%s): media is sent one datagram per system call", name, why);
        return false;
    }

    private static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        boolean x86_64 = arch.equals("amd64") || arch.equals("x86_64");
        return os.startsWith("linux") && x86_64 ? "linux-x86_64" : null;
    }
}
