package dev.calls.ejb.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A change of a call's host: who became host, when, and who made the change (null when the server did). */
@Entity
@Table(name = "call_host_changes")
public class HostChangeRecord {

    @Id
    @Column(length = 26)
    private String id;

    @Column(name = "call_id", nullable = false, length = 26)
    private String callId;

    @Column(name = "host_id", nullable = false, length = 26)
    private String hostId;

    @Column(name = "changed_by", length = 26)
    private String changedBy;

    @Column(name = "changed_at", nullable = false)
    private long changedAt;

    protected HostChangeRecord() {
    }

    public HostChangeRecord(String id, String callId, String hostId, String changedBy, long changedAt) {
        this.id = id;
        this.callId = callId;
        this.hostId = hostId;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    public String getHostId() {
        return hostId;
    }

    public long getChangedAt() {
        return changedAt;
    }
}
