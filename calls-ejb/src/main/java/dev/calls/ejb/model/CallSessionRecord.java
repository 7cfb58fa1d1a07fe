package dev.calls.ejb.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One participant's stay in a call: who, when they joined, when they left (0 while still there). */
@Entity
@Table(name = "call_sessions")
public class CallSessionRecord {

    @Id
    @Column(length = 26)
    private String id;

    @Column(name = "call_id", nullable = false, length = 26)
    private String callId;

    @Column(name = "user_id", nullable = false, length = 26)
    private String userId;

    @Column(name = "join_at", nullable = false)
    private long joinAt;

    @Column(name = "leave_at", nullable = false)
    private long leaveAt;

    protected CallSessionRecord() {
    }

    public CallSessionRecord(String id, String callId, String userId, long joinAt) {
        this.id = id;
        this.callId = callId;
        this.userId = userId;
        this.joinAt = joinAt;
    }

    public String getId() {
        return id;
    }

    public String getCallId() {
        return callId;
    }

    public String getUserId() {
        return userId;
    }

    public long getJoinAt() {
        return joinAt;
    }

    public long getLeaveAt() {
        return leaveAt;
    }

    public void leave(long at) {
        if (leaveAt == 0) {
            leaveAt = at;
        }
    }
}
