package dev.calls.ejb.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A message in a channel; a reply names its thread's root in {@code rootId}. Calls keep their thread here. */
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
}
