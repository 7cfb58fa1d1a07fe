package dev.calls.ejb.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The history of one call. {@code endAt} is 0 while it runs; {@code lastActivityAt} moves with every
 * join, leave and host change, and {@code lastSeenAt} with the heartbeat of a running call, so that a
 * call cut off by a crash can be closed at a truthful time.
 */
@Entity
@Table(name = "calls")
public class CallRecord {

    @Id
    @Column(length = 26)
    private String id;

    @Column(name = "channel_id", nullable = false, length = 26)
    private String channelId;

    @Column(name = "owner_id", nullable = false, length = 26)
    private String ownerId;

    @Column(name = "host_id", nullable = false, length = 26)
    private String hostId;

    @Column(name = "thread_id", nullable = false, length = 26)
    private String threadId;

    @Column(name = "start_at", nullable = false)
    private long startAt;

    @Column(name = "end_at", nullable = false)
    private long endAt;

    @Column(name = "last_activity_at", nullable = false)
    private long lastActivityAt;

    /**
     * Written only by the heartbeat's own statement: an update of this entity, loaded before a beat, must
     * not put an older value back.
     */
    @Column(name = "last_seen_at", nullable = false, insertable = false, updatable = false)
    private long lastSeenAt;

    protected CallRecord() {
    }

    public CallRecord(String id, String channelId, String ownerId, String threadId, long startAt) {
        this.id = id;
        this.channelId = channelId;
        this.ownerId = ownerId;
        this.hostId = ownerId;
        this.threadId = threadId;
        this.startAt = startAt;
        this.lastActivityAt = startAt;
    }

    public String getId() {
        return id;
    }

    public String getChannelId() {
        return channelId;
    }

    public String getOwnerId() {
        return ownerId;
    }

    public String getHostId() {
        return hostId;
    }

    public String getThreadId() {
        return threadId;
    }

    public long getStartAt() {
        return startAt;
    }

    public long getEndAt() {
        return endAt;
    }

    /** The last moment the call is known to have run: its last recorded change or its last heartbeat. */
    public long lastKnownAliveAt() {
        return Math.max(lastActivityAt, lastSeenAt);
    }

    public void touch(long at) {
        lastActivityAt = Math.max(lastActivityAt, at);
    }

    public void changeHost(String newHostId, long at) {
        hostId = newHostId;
        touch(at);
    }

    public void end(long at) {
        touch(at);
        endAt = at;
    }
}
