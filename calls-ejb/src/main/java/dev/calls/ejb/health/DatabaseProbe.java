package dev.calls.ejb.health;

import dev.calls.ejb.schema.SchemaMigrator;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * One committed write to the one-row {@code health_probe} table: it fails while the database cannot be
 * reached, is closed (H2 after a full disk), is read-only or cannot take a write. Plain JDBC on a connection of
 * its own, outside any transaction, so the statement commits as it runs (auto-commit) and a failure reaches
 * the caller as the driver's {@link SQLException}. Not an enterprise bean: the EJB container logs every system
 * exception of a bean with its stack trace, which would repeat at each probe for as long as an outage lasts;
 * {@link DatabaseHealth} logs the outage once instead.
 */
@ApplicationScoped
public class DatabaseProbe {

    @Resource(lookup = SchemaMigrator.DATASOURCE)
    DataSource dataSource;

    public void write(long now) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE health_probe SET checked_at = ? WHERE id = 1")) {
            update.setLong(1, now);
            if (update.executeUpdate() != 1) {
                throw new SQLException("the health_probe row is missing");
            }
        }
    }
}
