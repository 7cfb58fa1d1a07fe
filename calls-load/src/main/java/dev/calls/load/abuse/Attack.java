package dev.calls.load.abuse;

/** One attack of the abuse scenario: runs until the deadline, cleans up after itself, reports. */
interface Attack {

    String id();

    String title();

    /** Attacks until {@code deadlineNanos} ({@link System#nanoTime()}), then stops, releases what it opened and reports. */
    AttackResult run(long deadlineNanos) throws Exception;
}
