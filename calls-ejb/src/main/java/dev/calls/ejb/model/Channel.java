package dev.calls.ejb.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A channel, direct message or group message. Archiving sets {@code deleteAt}; nothing is deleted. */
@Entity
@Table(name = "channels")
public class Channel {

    @Id
    @Column(length = 26)
    private String id;

    @Column(name = "channel_type", nullable = false, length = 1)
    private ChannelType type;

    @Column(nullable = false, unique = true, length = 64)
    private String name;

    @Column(name = "display_name", nullable = false, length = 64)
    private String displayName;

    @Column(name = "creator_id", length = 26)
    private String creatorId;

    @Column(name = "create_at", nullable = false)
    private long createAt;

    @Column(name = "delete_at", nullable = false)
    private long deleteAt;

    /**
     * What finds a direct or group message: its members (see ChannelService), never its name, which a user
     * could take. Null for open and private channels.
     */
    @Column(name = "members_key", unique = true, length = 64)
    private String membersKey;

    /** Null until someone switches calls on or off here; then the server default no longer applies. */
    @Column(name = "calls_enabled")
    private Boolean callsEnabled;

    protected Channel() {
    }

    public Channel(String id, ChannelType type, String name, String displayName, String creatorId, long createAt) {
        this(id, type, name, displayName, creatorId, createAt, null);
    }

    /** A direct or group message, found by {@code membersKey}. */
    public Channel(String id, ChannelType type, String name, String displayName, String creatorId, long createAt,
                   String membersKey) {
        this.id = id;
        this.type = type;
        this.name = name;
        this.displayName = displayName;
        this.creatorId = creatorId;
        this.createAt = createAt;
        this.membersKey = membersKey;
    }

    public String getId() {
        return id;
    }

    public ChannelType getType() {
        return type;
    }

    public String getName() {
        return name;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getCreatorId() {
        return creatorId;
    }

    public long getCreateAt() {
        return createAt;
    }

    public long getDeleteAt() {
        return deleteAt;
    }

    public boolean isArchived() {
        return deleteAt != 0;
    }

    public void archive(long at) {
        this.deleteAt = at;
    }

    public boolean callsEnabled(boolean serverDefault) {
        return callsEnabled == null ? serverDefault : callsEnabled;
    }

    /** The channel's own calls switch: null while nobody has set it (the server default applies). */
    public Boolean callsSwitch() {
        return callsEnabled;
    }

    public void setCallsEnabled(boolean enabled) {
        this.callsEnabled = enabled;
    }
}
