package dev.calls.web.rest;

import static dev.calls.web.JsonFactory.JSON;

import dev.calls.ejb.error.CallsException;
import dev.calls.limits.Limit;
import dev.calls.web.JsonDepth;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.jboss.logging.Logger;

/**
 * Reads request bodies: resources take the body as text and parse it here, so that malformed JSON,
 * a wrong top-level shape or a field of the wrong type all end as a 400 that says what was wrong.
 * Unknown fields are ignored, as the contract requires. Nesting is bounded by {@link Limit#JSON_DEPTH},
 * checked on the parser's events before any value is built (the size is bounded before, by
 * {@link RequestBodyBound}).
 */
public final class JsonBody {

    private static final Logger LOG = Logger.getLogger(JsonBody.class);

    private JsonBody() {
    }

    public static JsonObject object(String body) {
        JsonStructure value = parse(body);
        if (!(value instanceof JsonObject object)) {
            throw invalid("The body must be a JSON object.");
        }
        return object;
    }

    static JsonArray array(String body) {
        JsonStructure value = parse(body);
        if (!(value instanceof JsonArray array)) {
            throw invalid("The body must be a JSON array.");
        }
        return array;
    }

    /** A string field; null when absent (or JSON null) and not required. */
    static String string(JsonObject body, String field, boolean required) {
        JsonValue value = body.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            if (required) {
                throw invalid("'" + field + "' is required.");
            }
            return null;
        }
        if (!(value instanceof JsonString string)) {
            throw invalid("'" + field + "' must be a string.");
        }
        return string.getString();
    }

    static boolean bool(JsonObject body, String field) {
        JsonValue value = body.get(field);
        if (value == null) {
            throw invalid("'" + field + "' is required.");
        }
        return switch (value.getValueType()) {
            case TRUE -> true;
            case FALSE -> false;
            default -> throw invalid("'" + field + "' must be true or false.");
        };
    }

    static List<String> strings(JsonArray array) {
        List<String> out = new ArrayList<>(array.size());
        for (JsonValue value : array) {
            if (!(value instanceof JsonString string)) {
                throw invalid("Every element of the array must be a string.");
            }
            out.add(string.getString());
        }
        return out;
    }

    private static JsonStructure parse(String body) {
        if (body == null || body.isBlank()) {
            throw invalid("The request needs a JSON body.");
        }
        try {
            checkDepth(body);
            return read(body);
        } catch (JsonParsingException e) {
            throw invalid("The body is not valid JSON: " + e.getMessage());
        } catch (JsonException | NoSuchElementException e) {
            throw invalid("The body is not valid JSON.");
        }
    }

    private static JsonStructure read(String body) {
        try (JsonParser parser = JSON.createParser(new StringReader(body))) {
            JsonStructure value = switch (parser.next()) {
                case START_OBJECT -> parser.getObject();
                case START_ARRAY -> parser.getArray();
                default -> throw invalid("The body must be a JSON object or array.");
            };
            // A reader stops after the first value; anything after it makes the body malformed too.
            if (parser.hasNext()) {
                throw invalid("The body has content after its JSON value.");
            }
            return value;
        }
    }

    private static void checkDepth(String body) {
        int max = Limit.JSON_DEPTH.value();
        if (JsonDepth.of(body, max, null).tooDeep()) {
            LOG.infof("Refused a JSON body nested deeper than %d levels", max);
            throw invalid("The body nests arrays and objects deeper than " + max + " levels.");
        }
    }

    private static CallsException invalid(String message) {
        return CallsException.badRequest("api.context.invalid_body_param", message);
    }
}
