package dev.calls.ejb.model;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.StringReader;
import java.util.Optional;

/**
 * A message in a channel; a reply names its thread's root in {@code rootId}. Calls keep their thread here.
 * {@code type} says how clients draw it (empty: plain text; {@link CallPostProps#TYPE}: a call's card) and
 * {@code props} is its data, a JSON object.
 */
@Entity
@Table(name = "posts")
public class Post {

    public static final int MAX_MESSAGE_LENGTH = 4000;

    @Id
    @Column(length = 26)
    private String id;

    @Column(name = "channel_id", nullable = false, length = 26)
    private String channelId;

    @Column(name = "root_id", length = 26)
    private String rootId;

    @Column(name = "user_id", nullable = false, length = 26)
    private String userId;

    @Column(nullable = false, length = MAX_MESSAGE_LENGTH)
    private String message;

    @Column(name = "create_at", nullable = false)
    private long createAt;

    @Column(name = "post_type", nullable = false, length = 32)
    private String type = "";

    @Column(nullable = false, length = 100_000)
    private String props = "{}";

    protected Post() {
    }

    public Post(String id, String channelId, String rootId, String userId, String message, long createAt) {
        this.id = id;
        this.channelId = channelId;
        this.rootId = rootId;
        this.userId = userId;
        this.message = message;
        this.createAt = createAt;
    }

    public String getId() {
        return id;
    }

    public String getChannelId() {
        return channelId;
    }

    /** The thread root's id, or null for a root post. */
    public String getRootId() {
        return rootId;
    }

    public String getUserId() {
        return userId;
    }

    public String getMessage() {
        return message;
    }

    public long getCreateAt() {
        return createAt;
    }

    public String getType() {
        return type;
    }

    /** The post's data, a JSON object. */
    public JsonObject propsObject() {
        try (JsonReader reader = Json.createReader(new StringReader(props))) {
            return reader.readObject();
        }
    }

    /** The call this post is the card of, or empty when it is no call's post. */
    public Optional<CallPostProps> callProps() {
        return CallPostProps.TYPE.equals(type) ? Optional.of(CallPostProps.from(propsObject())) : Optional.empty();
    }

    /** Makes this post the card of a call, or updates the card's data. */
    public void showCall(CallPostProps call) {
        this.type = CallPostProps.TYPE;
        this.props = call.toJson();
    }
}
