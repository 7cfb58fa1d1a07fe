package dev.calls.ear;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Empties the suite's PostgreSQL schema once per test run, before the first deployment, so that Flyway starts
 * from nothing as on a fresh install: a database left behind by an earlier run, possibly of a build with other
 * migrations, would otherwise fail validation or hide a migration that no longer runs. Uses the driver jar that
 * the build copied into the server's module path, so the tests need no second copy of it.
 */
final class FreshPostgresSchema {

    private static final AtomicBoolean DONE = new AtomicBoolean();

    private FreshPostgresSchema() {
    }

    static void once(String url, String user, String password) throws Exception {
        if (!DONE.compareAndSet(false, true)) {
            return;
        }
        Path jar = Path.of(System.getProperty("calls.test.postgres.modules"), "org", "postgresql", "main", "postgresql.jar");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
             Connection db = connect(loader, url, user, password);
             Statement drop = db.createStatement()) {
            drop.execute("DROP SCHEMA public CASCADE");
            drop.execute("CREATE SCHEMA public");
        }
    }

    private static Connection connect(ClassLoader loader, String url, String user, String password)
            throws ReflectiveOperationException, SQLException {
        Driver driver = (Driver) Class.forName("org.postgresql.Driver", true, loader).getDeclaredConstructor().newInstance();
        Properties login = new Properties();
        login.setProperty("user", user);
        login.setProperty("password", password);
        return driver.connect(url, login);
    }
}
