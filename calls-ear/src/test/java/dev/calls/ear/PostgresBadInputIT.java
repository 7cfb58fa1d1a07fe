package dev.calls.ear;

import org.jboss.as.arquillian.api.ServerSetup;

/** {@link BadInputIT} on PostgreSQL (the failsafe execution "postgres", run when calls.test.postgres.url is set). */
@ServerSetup(UsePostgreSQL.class)
class PostgresBadInputIT extends BadInputIT {
}
