package dev.calls.media.sdp;

import java.util.ArrayList;
import java.util.List;

/** Splitting and number reading shared by the parsers of the individual SDP lines. */
final class SdpTokens {

    private static final String[] NONE = new String[0];

    private SdpTokens() {
    }

    /** The value's tokens separated by runs of spaces or tabs; leading and trailing blanks are ignored. */
    static String[] split(String value) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        int n = value.length();
        while (i < n) {
            while (i < n && isBlank(value.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isBlank(value.charAt(i))) {
                i++;
            }
            if (i > start) {
                tokens.add(value.substring(start, i));
            }
        }
        return tokens.isEmpty() ? NONE : tokens.toArray(NONE);
    }

    /**
     * The first token and the rest of the value after the blanks that follow it: {@code [first, rest]},
     * rest being empty when there is nothing more.
     */
    static String[] splitFirst(String value) {
        String trimmed = trim(value);
        int i = 0;
        while (i < trimmed.length() && !isBlank(trimmed.charAt(i))) {
            i++;
        }
        return new String[] {trimmed.substring(0, i), trim(trimmed.substring(i))};
    }

    static String trim(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isBlank(value.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** A decimal number without sign within [min, max]; {@code what} names it in the error. */
    static long parseLong(String token, long min, long max, String what) throws SdpParseException {
        if (token.isEmpty() || token.length() > 19) {
            throw new SdpParseException(what + " '" + token + "' is not a number");
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < '0' || c > '9') {
                throw new SdpParseException(what + " '" + token + "' is not a number");
            }
        }
        long value;
        try {
            value = Long.parseLong(token);
        } catch (NumberFormatException e) {
            throw new SdpParseException(what + " '" + token + "' is out of range");
        }
        if (value < min || value > max) {
            throw new SdpParseException(what + " " + value + " is not within " + min + ".." + max);
        }
        return value;
    }

    static int parseInt(String token, int min, int max, String what) throws SdpParseException {
        return (int) parseLong(token, min, max, what);
    }
}
