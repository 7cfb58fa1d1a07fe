package dev.calls.load;

/**
 * The named load shapes, modelled on the rtcd load tests Mattermost publishes: each fixes calls,
 * participants per call, unmuted speakers per call, screen share and ramp-up; options given on the
 * command line override any of them.
 */
public enum Scenario {

    /** One call of N with 2 unmuted (rtcd: 1000 participants, 2 unmuted). */
    SPEAKERS("speakers", 1, 100, 2, false, 10),
    /** One call of N with 2 unmuted and one of them sharing a screen. */
    SCREEN("screen", 1, 100, 2, true, 10),
    /** Many calls of 10, 2 unmuted in each. */
    MANY_CALLS("many-calls", 10, 10, 2, false, 10),
    /** Many 1:1 calls, both talking. */
    ONE_TO_ONE("one-to-one", 50, 2, 2, false, 10),
    /** Everyone joins one call at once; join time is the figure that matters. */
    JOIN_STORM("join-storm", 1, 200, 2, false, 0),
    /**
     * A small call of 4 with 2 unmuted, measured in a quiet window and then in a window of attacks on the
     * server beside it (a deployed server on loopback only; {@link dev.calls.load.abuse.Abuse}).
     */
    ABUSE("abuse", 1, 4, 2, false, 2),
    /**
     * One screen sharer and one viewer; the sharer's uplink is made lossy and slow for a window and then clean
     * again, first with the server's NACKs left unanswered and then answered ({@link UplinkTrial}).
     */
    UPLINK_LOSS("uplink-loss", 1, 2, 0, true, 1);

    final String id;
    final int calls;
    final int participants;
    final int speakers;
    final boolean screen;
    final int rampUpSeconds;

    Scenario(String id, int calls, int participants, int speakers, boolean screen, int rampUpSeconds) {
        this.id = id;
        this.calls = calls;
        this.participants = participants;
        this.speakers = speakers;
        this.screen = screen;
        this.rampUpSeconds = rampUpSeconds;
    }

    public String id() {
        return id;
    }

    static Scenario named(String id) {
        for (Scenario scenario : values()) {
            if (scenario.id.equals(id)) {
                return scenario;
            }
        }
        throw new IllegalArgumentException("unknown scenario '" + id + "'; known: speakers, screen, many-calls, one-to-one, join-storm, abuse, uplink-loss");
    }
}
