package dev.calls.ejb.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** Membership of one user in one channel; {@code channelAdmin} lets them manage the channel and its calls. */
@Entity
@Table(name = "channel_members")
@IdClass(ChannelMember.Key.class)
public class ChannelMember {

    @Id
    @Column(name = "channel_id", length = 26)
    private String channelId;

    @Id
    @Column(name = "user_id", length = 26)
    private String userId;

    @Column(name = "channel_admin", nullable = false)
    private boolean channelAdmin;

    @Column(name = "create_at", nullable = false)
    private long createAt;

    protected ChannelMember() {
    }

    public ChannelMember(String channelId, String userId, boolean channelAdmin, long createAt) {
        this.channelId = channelId;
        this.userId = userId;
        this.channelAdmin = channelAdmin;
        this.createAt = createAt;
    }

    public String getChannelId() {
        return channelId;
    }

    public String getUserId() {
        return userId;
    }

    public boolean isChannelAdmin() {
        return channelAdmin;
    }

    /** Composite primary key (channel, user), as JPA's {@code @IdClass} wants it: fields named like the ids. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String channelId;
        private String userId;

        public Key() {
        }

        public Key(String channelId, String userId) {
            this.channelId = channelId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(channelId, key.channelId) && Objects.equals(userId, key.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(channelId, userId);
        }
    }
}
