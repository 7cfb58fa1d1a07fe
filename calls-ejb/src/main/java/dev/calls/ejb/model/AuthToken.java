package dev.calls.ejb.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A sign-in session. Only the SHA-256 of the token is stored, so a leaked database does not leak
 * usable tokens; revoked and expired rows stay until they are cleaned up.
 */
@Entity
@Table(name = "auth_tokens")
public class AuthToken {

    @Id
    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "user_id", nullable = false, length = 26)
    private String userId;

    @Column(name = "create_at", nullable = false)
    private long createAt;

    @Column(name = "expires_at", nullable = false)
    private long expiresAt;

    @Column(name = "revoked_at", nullable = false)
    private long revokedAt;

    protected AuthToken() {
    }

    public AuthToken(String tokenHash, String userId, long createAt, long expiresAt) {
        this.tokenHash = tokenHash;
        this.userId = userId;
        this.createAt = createAt;
        this.expiresAt = expiresAt;
    }

    public String getUserId() {
        return userId;
    }

    public boolean isUsableAt(long now) {
        return revokedAt == 0 && now < expiresAt;
    }

    public void revoke(long at) {
        if (revokedAt == 0) {
            revokedAt = at;
        }
    }
}
