package dev.calls.load.abuse;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import dev.calls.load.metrics.Figures;

/**
 * What the server did about each attack of the abuse scenario, in the order they are listed, with the
 * bounds they ran with. Written as console rows and as JSON, as the load report is.
 */
public record AbuseReport(AbuseOptions options, List<AttackResult> attacks) {

    /** The attack ids, in order: the keys of {@link #attacksJson()}. */
    public List<String> attackIds() {
        return attacks.stream().map(AttackResult::id).toList();
    }

    /** The result of the attack {@code id}, or null when there is none. */
    public AttackResult attack(String id) {
        return attacks.stream().filter(a -> a.id().equals(id)).findFirst().orElse(null);
    }

    /** One row per field of each attack, under its title. */
    public String table() {
        StringBuilder out = new StringBuilder();
        row(out, "abuse bounds", String.format(Locale.ROOT, "%d s, open rate %d/s, %d slow-header connections, "
                + "%d WebSockets of one user, %d half-open joins, offer with %d a=ssrc lines, voice flood %d packets/s",
                options.seconds(), options.openRate(), options.slowHeaders(), options.webSockets(),
                options.halfOpenJoins(), options.offerSsrcs(), options.floodRate()));
        for (AttackResult attack : attacks) {
            row(out, attack.title(), "");
            for (Map.Entry<String, JsonValue> field : attack.fields().entrySet()) {
                row(out, "  " + field.getKey().replace('_', ' '), text(field.getValue()));
            }
        }
        return out.toString();
    }

    /** Counts as they are, other numbers as the load report's figures (n/a for -1), text without its quotes. */
    private static String text(JsonValue value) {
        if (value instanceof JsonNumber number && !(number.isIntegral() && number.longValue() >= 0)) {
            return Figures.text(number.doubleValue());
        }
        return value.toString().replace("\"", "");
    }

    private static void row(StringBuilder out, String name, String value) {
        out.append(String.format(Locale.ROOT, "%-44s %s%n", name, value));
    }

    /** The bounds the attacks ran with, as JSON. */
    public JsonObject boundsJson() {
        return Json.createObjectBuilder()
                .add("seconds", options.seconds())
                .add("open_rate_per_second", options.openRate())
                .add("slow_header_connections", options.slowHeaders())
                .add("websockets_of_one_user", options.webSockets())
                .add("half_open_joins", options.halfOpenJoins())
                .add("offer_ssrc_lines", options.offerSsrcs())
                .add("flood_packets_per_second", options.floodRate())
                .build();
    }

    /** {@code {"<id>": {...}, ...}}: each attack's fields under its id. */
    public JsonObject attacksJson() {
        JsonObjectBuilder byId = Json.createObjectBuilder();
        attacks.forEach(attack -> byId.add(attack.id(), attack.fields()));
        return byId.build();
    }
}
