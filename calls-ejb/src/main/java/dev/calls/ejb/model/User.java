package dev.calls.ejb.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An account. Deactivation sets {@code deleteAt}; the row stays so records keep their owner. */
@Entity
@Table(name = "users")
public class User {

    @Id
    @Column(length = 26)
    private String id;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "display_name", nullable = false, length = 64)
    private String displayName;

    @Column(name = "roles", nullable = false, length = 20)
    private Role role;

    @Column(name = "password_hash", nullable = false, length = 512)
    private String passwordHash;

    @Column(name = "create_at", nullable = false)
    private long createAt;

    @Column(name = "delete_at", nullable = false)
    private long deleteAt;

    protected User() {
    }

    public User(String id, String username, String displayName, Role role, String passwordHash, long createAt) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.role = role;
        this.passwordHash = passwordHash;
        this.createAt = createAt;
    }

    public String getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public Role getRole() {
        return role;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public long getCreateAt() {
        return createAt;
    }

    public long getDeleteAt() {
        return deleteAt;
    }

    public boolean isActive() {
        return deleteAt == 0;
    }

    public boolean isGuest() {
        return role == Role.SYSTEM_GUEST;
    }

    public boolean isSystemAdmin() {
        return role == Role.SYSTEM_ADMIN;
    }

    public void deactivate(long at) {
        this.deleteAt = at;
    }

    public void changePassword(String hash) {
        this.passwordHash = hash;
    }

    public void reactivate() {
        this.deleteAt = 0;
    }
}
