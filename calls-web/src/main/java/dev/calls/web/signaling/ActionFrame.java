package dev.calls.web.signaling;

import dev.calls.ejb.error.CallsException;
import dev.calls.limits.Limit;
import dev.calls.web.JsonDepth;
import dev.calls.web.rest.JsonBody;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** A client frame: {@code {"action", "seq", "data"}}; {@code data} is an empty object when absent. */
record ActionFrame(String action, long seq, JsonObject data) {

    /** A frame that is not a well-formed action; {@code seq} is what could be read of it (0 when nothing). */
    static final class MalformedFrameException extends Exception {

        private static final long serialVersionUID = 1L;

        private final long seq;

        MalformedFrameException(long seq, String message) {
            super(message);
            this.seq = seq;
        }

        long seq() {
            return seq;
        }
    }

    static ActionFrame parse(String text) throws MalformedFrameException {
        checkDepth(text, Limit.JSON_DEPTH.value());
        JsonObject frame;
        try {
            frame = JsonBody.object(text);
        } catch (CallsException e) {
            throw new MalformedFrameException(0, "A frame is one JSON object: " + e.getMessage());
        }
        if (!(frame.get("seq") instanceof JsonNumber number) || !number.isIntegral() || number.longValue() < 0) {
            throw new MalformedFrameException(0, "The frame has no 'seq' number.");
        }
        long seq = number.longValue();
        if (!(frame.get("action") instanceof JsonString action) || action.getString().isEmpty()) {
            throw new MalformedFrameException(seq, "The frame has no 'action' string.");
        }
        JsonValue data = frame.get("data");
        if (data != null && data != JsonValue.NULL && !(data instanceof JsonObject)) {
            throw new MalformedFrameException(seq, "'data' must be an object.");
        }
        return new ActionFrame(action.getString(), seq,
                data instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT);
    }

    /**
     * Refuses a frame whose objects and arrays nest deeper than {@code maxDepth} before any tree is built
     * ({@link JsonDepth}); the top-level {@code seq}, when it comes before the deep part, is kept for the reply.
     */
    static void checkDepth(String text, int maxDepth) throws MalformedFrameException {
        JsonDepth depth = JsonDepth.of(text, maxDepth, "seq");
        if (depth.tooDeep()) {
            throw new MalformedFrameException(depth.topLevelNumber(), "The frame nests objects and arrays deeper than "
                    + maxDepth + " levels.");
        }
    }
}
