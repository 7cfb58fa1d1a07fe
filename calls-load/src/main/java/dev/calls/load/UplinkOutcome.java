package dev.calls.load;

import dev.calls.load.client.UplinkImpairment;

/**
 * The uplink-loss scenario's result beside the load report's: the phase without repair and the phase with
 * it, under the same impairment. {@link #frozenRatio()}: the viewers' frozen time with repair over the
 * frozen time without, in the lossy windows; NaN when nothing froze without repair.
 */
public record UplinkOutcome(UplinkOptions options, UplinkPhase withoutRepair, UplinkPhase withRepair) {

    public double frozenRatio() {
        double without = withoutRepair.lossy().frozenSeconds();
        return without > 0 ? withRepair.lossy().frozenSeconds() / without : Double.NaN;
    }

    String json() {
        UplinkImpairment.Shape shape = options.shape();
        return "{\"loss_percent\": " + LoadReport.number(shape.lossPercent()) + ", \"delay_ms\": "
                + shape.delayMillis() + ", \"jitter_ms\": " + shape.jitterMillis() + ", \"seed\": " + shape.seed()
                + ", \"lossy_seconds\": " + options.lossySeconds() + ", \"clean_seconds\": " + options.cleanSeconds()
                + ", \"clean_starts_after_lift_ms\": " + UplinkTrial.DRAIN_MILLIS
                + ", \"freeze_rule\": \"frame interval >= max(3 x mean, mean + 150 ms), mean of the last 30\""
                + ", \"without_repair\": " + withoutRepair.json() + ", \"with_repair\": " + withRepair.json()
                + ", \"frozen_ratio_with_over_without\": " + LoadReport.number(frozenRatio()) + "}";
    }

    /** Rows for the console table. */
    void rows(StringBuilder out) {
        phaseRows(out, "uplink loss, repair off", withoutRepair);
        phaseRows(out, "uplink loss, repair on", withRepair);
        LoadReport.row(out, "uplink loss: frozen with / without repair", LoadReport.fmt(frozenRatio()));
    }

    private static void phaseRows(StringBuilder out, String phase, UplinkPhase media) {
        LoadReport.row(out, phase + ": lossy fps / frozen", LoadReport.fmt(media.lossy().fps()) + " / "
                + LoadReport.fmt(media.lossy().frozenSeconds()) + " s of " + LoadReport.fmt(media.lossy().seconds())
                + " s (" + LoadReport.fmt(media.lossy().freezes()) + " freezes)");
        LoadReport.row(out, phase + ": clean fps / frozen", LoadReport.fmt(media.clean().fps()) + " / "
                + LoadReport.fmt(media.clean().frozenSeconds()) + " s of " + LoadReport.fmt(media.clean().seconds())
                + " s (" + LoadReport.fmt(media.clean().freezes()) + " freezes)");
        LoadReport.row(out, phase + ": NACKs / resent / keyframe requests", media.feedback().nacks() + " / "
                + media.feedback().retransmitted() + " / " + media.feedback().keyframeRequests() + " ("
                + media.dropped() + " packets dropped on the uplink)");
    }
}
