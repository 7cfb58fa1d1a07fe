package dev.calls.web.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version this build was made as, from the filtered calls-build.properties, and when this run of the
 * application began (each deployment loads this class anew), which tells a client whose call vanished
 * whether the server restarted meanwhile.
 */
public final class BuildInfo {

    public static final String VERSION = load().getProperty("version", "unknown");

    /** Epoch milliseconds: the first moment this run of the application was asked who it is. */
    public static final long RUN_STARTED_AT = System.currentTimeMillis();

    private BuildInfo() {
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/calls-build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
