package dev.calls.ejb.health;

import org.jboss.logging.Logger;

/**
 * The log of the database's outages: one WARN line with the cause's message when it stops taking writes, one
 * INFO line when it takes them again, and nothing for the probes in between, however long the outage lasts.
 * Not thread-safe: {@link DatabaseHealth} reports to it from one probe at a time.
 */
final class OutageLog {

    private final Logger log;
    private boolean down;

    OutageLog(Logger log) {
        this.log = log;
    }

    void writable() {
        if (down) {
            down = false;
            log.info("the database takes writes again");
        }
    }

    void notWritable(Throwable cause) {
        if (!down) {
            down = true;
            log.warnf("the database cannot be written: %s", rootMessage(cause));
        }
    }

    /** The driver's own words (for example H2's "No space left on device") are at the bottom of the wrapping. */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
