package dev.calls.load.metrics;

import java.util.Locale;

/** A measured figure as the console reports show it: three significant digits, whole from 100, n/a when not measured (-1). */
public final class Figures {

    private Figures() {
    }

    public static String text(double value) {
        if (value < 0) {
            return "n/a";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.3g", value);
    }
}
