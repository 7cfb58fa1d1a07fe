package dev.calls.limits;

import java.lang.System.Logger.Level;

/**
 * Every bound on an input and every cap on a resource the server holds for its users, in one place:
 * the engine, the EJBs and the web layer all read their numbers here. Each has a documented default and
 * may be changed with the server system property {@code calls.limit.<name>} (for example
 * {@code calls.limit.websocketsPerUser}), read once when the application starts; a value that is not a
 * positive integer is refused with a warning that names the property, and the default stays. The admin
 * guide's "Limits" table lists them all (a test keeps it complete).
 */
public enum Limit {

    // Signaling (WebSocket)
    /** Actions a connection may send per second, malformed frames included (token bucket rate). */
    ACTIONS_PER_SECOND("actionsPerSecond", 10, "actions a WebSocket connection may send per second, malformed frames included"),
    /** Actions a connection may send at once before the rate applies (token bucket depth). */
    ACTION_BURST("actionBurst", 100, "actions a WebSocket connection may send in one burst"),

    // Sign-in and accounts (REST)
    /** Bytes of a REST request body; a larger one is refused (413) before it is read in full. */
    REQUEST_BODY_BYTES("requestBodyBytes", 65_536, "bytes of a REST request body (413 above)"),
    /** Bytes of a sign-in request body: a name and a password need little, and nobody is signed in yet. */
    LOGIN_BODY_BYTES("loginBodyBytes", 4_096, "bytes of a sign-in request body (413 above)"),
    /** Nesting depth of a JSON request body; the contract's bodies need 2. */
    JSON_DEPTH("jsonDepth", 16, "nesting depth of arrays and objects in a JSON request body (400 above)"),
    /** Characters of a password, checked on sign-in before any hashing work. */
    PASSWORD_CHARS("passwordChars", 128, "characters of a password (400 above, before any hashing)"),
    /** Failed sign-ins in a row for one account from one source address that lock that pair. */
    LOGIN_FAILURES_PER_ACCOUNT("loginFailuresPerAccount", 5,
            "failed sign-ins in a row for one account from one source address before that pair is locked"),
    /** Seconds a (source address, account) pair stays locked. */
    LOGIN_LOCK_SECONDS("loginLockSeconds", 60, "seconds a (source address, account) pair stays locked (429)"),
    /** Failed sign-ins one source address may make per minute (token bucket rate). */
    LOGIN_FAILURES_PER_MINUTE("loginFailuresPerMinute", 30,
            "failed sign-ins a source address may make per minute before it gets 429 without any hashing"),
    /** Failed sign-ins one source address may make at once before the rate applies (token bucket depth). */
    LOGIN_FAILURE_BURST("loginFailureBurst", 30, "failed sign-ins a source address may make in one burst"),
    /** Source addresses and (source, account) pairs each sign-in tracker remembers; the least recent go first. */
    LOGIN_TRACKED("loginTracked", 100_000,
            "source addresses, and (source, account) pairs, each sign-in tracker remembers (least recent forgotten)"),
    /** Sign-in sessions (tokens) one user may hold; signing in past it revokes that user's oldest. */
    TOKENS_PER_USER("tokensPerUser", 50, "sign-in sessions (tokens) per user; a new sign-in past it revokes the oldest");

    private static final String PREFIX = "calls.limit.";

    private final String name;
    private final int defaultValue;
    private final String description;
    private volatile int value;

    Limit(String name, int defaultValue, String description) {
        this.name = name;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** The limit in force: the system property's value when it is a positive integer, the default otherwise. */
    public int value() {
        int current = value;
        if (current == 0) {
            current = read();
            value = current;
        }
        return current;
    }

    /** The system property that changes this limit. */
    public String property() {
        return PREFIX + name;
    }

    public int defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    private int read() {
        String text = System.getProperty(property());
        if (text == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(text.trim());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // refused below, with the property's name
        }
        System.getLogger(Limit.class.getName()).log(Level.WARNING,
                "{0}={1} is not a positive integer; the default {2} stays", property(), text, defaultValue);
        return defaultValue;
    }
}
