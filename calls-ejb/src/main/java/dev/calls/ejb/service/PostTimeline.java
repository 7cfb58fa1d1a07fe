package dev.calls.ejb.service;

import dev.calls.ejb.error.CallsException;
import dev.calls.ejb.model.Ids;
import dev.calls.ejb.model.Post;
import dev.calls.ejb.model.User;
import dev.calls.ejb.policy.ChannelAccessPolicy;
import dev.calls.limits.Limit;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;

/**
 * A channel's timeline: its root posts (a thread's replies stay in the thread, as Mattermost's collapsed
 * threads show them), newest first, a page at a time. The cursor is a post id, so a page does not shift
 * when new posts arrive while someone reads older ones. Members only, guests included where they are members.
 */
@Stateless
public class PostTimeline {

    public static final int DEFAULT_PER_PAGE = 60;

    /** One page, newest first; {@code hasMore} says whether older root posts exist. */
    public record Slice(List<Post> posts, boolean hasMore) {
    }

    @PersistenceContext(unitName = "calls")
    EntityManager em;

    @Inject
    ChannelAccessPolicy policy;

    @EJB
    UserService users;

    @EJB
    ChannelService channels;

    /** The root posts older than {@code beforeId} (null or empty: the newest), at most {@code perPage}. */
    public Slice page(String actorId, String channelId, String beforeId, int perPage) {
        User actor = users.actor(actorId);
        channels.require(channelId);
        policy.checkMember(actor, channels.membership(channelId, actorId));
        int max = Limit.TIMELINE_PAGE_POSTS.value();
        if (perPage < 1 || perPage > max) {
            throw CallsException.badRequest("api.context.paging", "'per_page' must be between 1 and " + max + ".");
        }
        TypedQuery<Post> query = beforeId == null || beforeId.isEmpty() ? newest(channelId) : before(channelId, cursor(channelId, beforeId));
        List<Post> found = query.setMaxResults(perPage + 1).getResultList();
        return new Slice(found.size() > perPage ? found.subList(0, perPage) : found, found.size() > perPage);
    }

    private TypedQuery<Post> newest(String channelId) {
        return em.createQuery("SELECT p FROM Post p WHERE p.channelId = :channel AND p.rootId IS NULL "
                + "ORDER BY p.createAt DESC, p.id DESC", Post.class)
                .setParameter("channel", channelId);
    }

    /** Posts of the same millisecond are told apart by id, so none is skipped or shown twice between pages. */
    private TypedQuery<Post> before(String channelId, Post cursor) {
        return em.createQuery("SELECT p FROM Post p WHERE p.channelId = :channel AND p.rootId IS NULL "
                + "AND (p.createAt < :at OR (p.createAt = :at AND p.id < :id)) ORDER BY p.createAt DESC, p.id DESC", Post.class)
                .setParameter("channel", channelId)
                .setParameter("at", cursor.getCreateAt())
                .setParameter("id", cursor.getId());
    }

    private Post cursor(String channelId, String beforeId) {
        Post post = Ids.isValid(beforeId) ? em.find(Post.class, beforeId) : null;
        if (post == null || !post.getChannelId().equals(channelId)) {
            throw CallsException.badRequest("api.post.before.invalid", "'before' must name a post of this channel.");
        }
        return post;
    }
}
