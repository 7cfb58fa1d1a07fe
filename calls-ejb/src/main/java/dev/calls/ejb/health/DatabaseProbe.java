package dev.calls.ejb.health;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * One committed write to the one-row {@code health_probe} table: it fails while the database cannot be
 * reached, is closed (H2 after a full disk), is read-only or cannot take a write. Its own transaction, so that
 * the failure reaches the caller as an exception instead of rolling back the caller's work.
 */
@Stateless
public class DatabaseProbe {

    @PersistenceContext(unitName = "calls")
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void write(long now) {
        int rows = em.createNativeQuery("UPDATE health_probe SET checked_at = ?1 WHERE id = 1")
                .setParameter(1, now)
                .executeUpdate();
        if (rows != 1) {
            throw new IllegalStateException("the health_probe row is missing");
        }
    }
}
