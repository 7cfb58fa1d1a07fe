package dev.calls.load;

import dev.calls.load.client.UplinkImpairment;

/**
 * The uplink-loss scenario's figures: the impairment of the sharer's uplink, how long it lasts in each
 * phase, and how long the clean path after it is measured.
 */
public record UplinkOptions(UplinkImpairment.Shape shape, int lossySeconds, int cleanSeconds) {

    public static final UplinkOptions DEFAULTS = new UplinkOptions(new UplinkImpairment.Shape(5, 100, 30, 1), 15, 10);

    public UplinkOptions {
        if (lossySeconds < 1 || cleanSeconds < 1) {
            throw new IllegalArgumentException("--lossy-seconds and --clean-seconds must be at least 1");
        }
    }
}
