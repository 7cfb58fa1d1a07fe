package dev.calls.ejb.service;

import dev.calls.ejb.model.Channel;
import dev.calls.ejb.model.ChannelType;
import dev.calls.ejb.policy.ChannelAccessPolicy;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * The public channels a non-guest may browse and join: open and not archived, by display name, optionally
 * those whose name or display name contains a term. Private channels and conversations are never listed.
 */
@Stateless
public class ChannelDirectory {

    @PersistenceContext(unitName = "calls")
    EntityManager em;

    @Inject
    ChannelAccessPolicy policy;

    @EJB
    UserService users;

    public List<Channel> publicChannels(String actorId, String term, Page page) {
        policy.checkNotGuest(users.actor(actorId), "browse channels");
        return page.of(em.createQuery("SELECT c FROM Channel c WHERE c.type = :open AND c.deleteAt = 0 "
                + "AND (LOWER(c.name) LIKE :term ESCAPE '\\' OR LOWER(c.displayName) LIKE :term ESCAPE '\\') ORDER BY LOWER(c.displayName), c.id", Channel.class)
                .setParameter("open", ChannelType.OPEN)
                .setParameter("term", SearchTerm.containing(term)));
    }
}
