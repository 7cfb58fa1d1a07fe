package dev.calls.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.calls.ejb.model.CallPostProps;
import dev.calls.ejb.model.Post;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class JsonViewsTest {

    @Test
    void aPlainPostKeepsTheContractsFieldsWithAnEmptyTypeAndProps() {
        JsonObject post = JsonViews.post(new Post("p", "ch", null, "u", "hi", 3));

        assertEquals("{\"id\":\"p\",\"channel_id\":\"ch\",\"root_id\":\"\",\"user_id\":\"u\",\"message\":\"hi\","
                + "\"create_at\":3,\"type\":\"\",\"props\":{}}", post.toString());
    }

    @Test
    void aCallsCardCarriesItsCallAsAnObject() {
        Post card = new Post("p", "ch", null, "u", "Call started", 3);
        card.showCall(CallPostProps.started("c", 3, "u", "").withParticipant("v").ended(9, "last_left"));

        JsonObject post = JsonViews.post(card);

        assertEquals("custom_calls", post.getString("type"));
        assertEquals("{\"call_id\":\"c\",\"start_at\":3,\"end_at\":9,\"participants\":[\"u\",\"v\"],\"title\":\"\","
                + "\"ended_reason\":\"last_left\"}", post.getJsonObject("props").toString());
    }
}
