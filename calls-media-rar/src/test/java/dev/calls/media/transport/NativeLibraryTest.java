package dev.calls.media.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URL;
import java.net.URLClassLoader;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/** The library loads again in each new class loader, as it must when WildFly redeploys the RAR. */
class NativeLibraryTest {

    @Test
    void eachClassLoaderGetsItsOwnCopyOfTheLibrary() throws Exception {
        assumeTrue(NativeUdp.available(), "libcallsudp is not loaded here");
        URL[] classpath = {
            NativeUdp.class.getProtectionDomain().getCodeSource().getLocation(),
            Logger.class.getProtectionDomain().getCodeSource().getLocation(),
        };
        for (int deployment = 0; deployment < 2; deployment++) {
            try (URLClassLoader loader = new URLClassLoader(classpath, ClassLoader.getPlatformClassLoader())) {
                Class<?> nativeUdp = Class.forName(NativeUdp.class.getName(), true, loader);
                assertEquals(true, nativeUdp.getMethod("available").invoke(null), "deployment " + deployment);
            }
        }
    }
}
