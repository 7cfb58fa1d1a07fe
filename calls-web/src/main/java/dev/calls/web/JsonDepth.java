package dev.calls.web;

import static dev.calls.web.JsonFactory.JSON;

import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.util.NoSuchElementException;

/**
 * How deep a JSON text's objects and arrays nest, read from its parser's events before any value is built:
 * a tree parser recurses once per level, so a text nested thousands deep would cost a stack frame per level
 * (and, past the parser's own limit, fail without a useful error). Text that is not JSON passes: the parse
 * that follows says what is wrong with it. Request bodies and WebSocket frames share it.
 *
 * @param tooDeep        whether the text nests deeper than the limit it was walked with
 * @param topLevelNumber the non-negative integer value of the named top-level field, when the walk read it
 *                       before stopping; 0 otherwise (a frame's {@code seq}, for the reply to a refused frame)
 */
public record JsonDepth(boolean tooDeep, long topLevelNumber) {

    /** Walks {@code text}, stopping once it nests deeper than {@code maxDepth}; {@code field} may be null. */
    public static JsonDepth of(String text, int maxDepth, String field) {
        long number = 0;
        int depth = 0;
        boolean fieldNext = false;
        try (JsonParser parser = JSON.createParser(new StringReader(text))) {
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                switch (event) {
                    case START_OBJECT, START_ARRAY -> {
                        if (++depth > maxDepth) {
                            return new JsonDepth(true, number);
                        }
                    }
                    case END_OBJECT, END_ARRAY -> depth--;
                    case KEY_NAME -> fieldNext = depth == 1 && parser.getString().equals(field);
                    case VALUE_NUMBER -> {
                        if (fieldNext && parser.isIntegralNumber() && parser.getLong() >= 0) {
                            number = parser.getLong();
                        }
                    }
                    default -> {
                        // Strings and literals: nothing to count.
                    }
                }
                if (event != JsonParser.Event.KEY_NAME) {
                    fieldNext = false;
                }
            }
        } catch (JsonException | NoSuchElementException | IllegalStateException e) {
            // Not JSON: the parse that follows says what is wrong with it.
        }
        return new JsonDepth(false, number);
    }
}
