package dev.calls.ear;

import org.jboss.as.arquillian.api.ServerSetup;

/** {@link AccountsIT} on PostgreSQL (the failsafe execution "postgres", run when calls.test.postgres.url is set). */
@ServerSetup(UsePostgreSQL.class)
class PostgresAccountsIT extends AccountsIT {
}
