package dev.calls.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Real faults of the suite's PostgreSQL (the database and role of {@code calls.test.postgres.url} and
 * {@code .user}), made and undone as its superuser through {@code su postgres -c psql}, as root. Every fault ends
 * the role's open connections, so the server's pooled ones break as they would on a database restart.
 */
final class PostgresOutage {

    private final String database;
    private final String role;

    PostgresOutage() {
        String url = System.getProperty("calls.test.postgres.url");
        this.database = url.substring(url.lastIndexOf('/') + 1);
        this.role = System.getProperty("calls.test.postgres.user", "calls_test");
    }

    /** New transactions may read but not write (SQLSTATE 25006), as on a database that cannot take writes. */
    void readOnly() {
        sql("ALTER DATABASE " + database + " SET default_transaction_read_only = on;" + terminate());
    }

    /** The role may no longer log in: no connection at all. */
    void refuseLogins() {
        sql("ALTER ROLE " + role + " NOLOGIN;" + terminate());
    }

    void end() {
        sql("ALTER ROLE " + role + " LOGIN; ALTER DATABASE " + database + " RESET default_transaction_read_only;");
    }

    private String terminate() {
        return "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '" + role + "';";
    }

    private static void sql(String statements) {
        try {
            Process psql = new ProcessBuilder("su", "postgres", "-c", "psql -q -v ON_ERROR_STOP=1 -d postgres")
                    .redirectErrorStream(true)
                    .start();
            try (OutputStream in = psql.getOutputStream()) {
                in.write(statements.getBytes(StandardCharsets.UTF_8));
            }
            String output = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!psql.waitFor(30, TimeUnit.SECONDS)) {
                psql.destroyForcibly();
            }
            assertEquals(0, psql.exitValue(), "psql: " + statements + "\n" + output);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
