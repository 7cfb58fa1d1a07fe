package dev.calls.ear;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Writes into a stopped server's H2 database what a crash in the middle of a call leaves behind: a call
 * and a session with no end, exactly as the call service records them while the call runs. Uses the
 * server's own H2 driver, so the file is read with the version that wrote it.
 */
final class LeftoverCall {

    private LeftoverCall() {
    }

    static void write(Path serverBase, String callId, String channelId, String userId, String threadId,
                      long startAt, long lastActivityAt) throws Exception {
        try (URLClassLoader h2 = new URLClassLoader(new URL[] {h2Jar().toUri().toURL()}, ClassLoader.getPlatformClassLoader());
             Connection db = connect(h2, serverBase)) {
            try (PreparedStatement call = db.prepareStatement("INSERT INTO calls (id, channel_id, owner_id, host_id, "
                    + "thread_id, start_at, end_at, last_activity_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?)")) {
                call.setString(1, callId);
                call.setString(2, channelId);
                call.setString(3, userId);
                call.setString(4, userId);
                call.setString(5, threadId);
                call.setLong(6, startAt);
                call.setLong(7, lastActivityAt);
                call.executeUpdate();
            }
            try (PreparedStatement session = db.prepareStatement(
                    "INSERT INTO call_sessions (id, call_id, user_id, join_at, leave_at) VALUES (?, ?, ?, ?, 0)")) {
                session.setString(1, Api.unique() + "aaaaaaaaaaaaaaaaaaaa");
                session.setString(2, callId);
                session.setString(3, userId);
                session.setLong(4, startAt);
                session.executeUpdate();
            }
        }
    }

    private static Connection connect(ClassLoader h2, Path serverBase) throws ReflectiveOperationException, SQLException {
        Driver driver = (Driver) Class.forName("org.h2.Driver", true, h2).getDeclaredConstructor().newInstance();
        Properties login = new Properties();
        login.setProperty("user", "sa");
        login.setProperty("password", "sa");
        return driver.connect("jdbc:h2:file:" + serverBase.resolve("data/calls/calls"), login);
    }

    private static Path h2Jar() {
        Path module = Path.of(System.getProperty("jboss.home"), "modules/system/layers/base/com/h2database/h2/main");
        try (Stream<Path> files = Files.list(module)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no H2 driver in " + module));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
