package dev.calls.load;

import dev.calls.load.abuse.AbuseReport;

/**
 * The abuse scenario's result beside the load report's: the call in progress's media in the quiet window
 * (the report's window) and in the window of attacks that followed it, and what the server did about each
 * attack.
 */
public record AbuseOutcome(PhaseMedia quiet, PhaseMedia duringAbuse, AbuseReport attacks) {
}
