package dev.calls.media.sdp;

/**
 * SDP text that is not a session description this package can read. The message names the line (1-based)
 * and what is wrong with it; {@link #lineNumber()} is 0 when the problem is not tied to one line.
 * This is the only exception {@link SdpParser} throws, whatever the input.
 */
public class SdpParseException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int lineNumber;
    private final String problem;

    /** A problem with a value, before the parser knows which line it came from. */
    public SdpParseException(String problem) {
        this(0, problem);
    }

    public SdpParseException(int lineNumber, String problem) {
        super(lineNumber > 0 ? "line " + lineNumber + ": " + problem : problem);
        this.lineNumber = lineNumber;
        this.problem = problem;
    }

    public int lineNumber() {
        return lineNumber;
    }

    /** The same problem, tied to the line it was found on. */
    SdpParseException atLine(int line) {
        return new SdpParseException(line, problem);
    }
}
