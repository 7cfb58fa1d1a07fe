package dev.calls.ejb.service;

import dev.calls.ejb.error.CallsException;
import dev.calls.ejb.event.CallEvent;
import dev.calls.ejb.model.Channel;
import dev.calls.ejb.model.Ids;
import dev.calls.ejb.model.Post;
import dev.calls.ejb.model.User;
import dev.calls.ejb.policy.ChannelAccessPolicy;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Posts and threads (a call's chat lives in its thread). Members post, at most at {@link PostRate}; members read. */
@Stateless
public class PostService {

    @PersistenceContext(unitName = "calls")
    EntityManager em;

    @Inject
    ChannelAccessPolicy policy;

    @Inject
    CallEvents events;

    @Inject
    PostRate rate;

    @EJB
    UserService users;

    @EJB
    ChannelService channels;

    /** Creates a post; {@code rootId} (may be null) names the thread, and a reply to a reply joins its root's thread. */
    public Post create(String actorId, String channelId, String rootId, String message) {
        User actor = users.actor(actorId);
        Channel channel = channels.require(channelId);
        policy.checkPost(actor, channel, channels.membership(channelId, actorId));
        if (message == null || message.isBlank() || message.length() > Post.MAX_MESSAGE_LENGTH) {
            throw CallsException.badRequest("api.post.message.invalid",
                    "A message has 1 to " + Post.MAX_MESSAGE_LENGTH + " characters.");
        }
        rate.take(actorId);
        String threadRoot = null;
        if (rootId != null && !rootId.isEmpty()) {
            Post root = find(rootId);
            if (!root.getChannelId().equals(channelId)) {
                throw CallsException.badRequest("api.post.root.other_channel", "The thread root is in another channel.");
            }
            threadRoot = root.getRootId() == null ? root.getId() : root.getRootId();
        }
        Post post = new Post(Ids.newId(), channelId, threadRoot, actorId, message, System.currentTimeMillis());
        em.persist(post);
        events.toChannel(channelId, new CallEvent.Posted(toEvent(post)));
        return post;
    }

    /** The whole thread the post belongs to, root first, oldest first. */
    public List<Post> thread(String actorId, String postId) {
        User actor = users.actor(actorId);
        Post post = find(postId);
        policy.checkMember(actor, channels.membership(post.getChannelId(), actorId));
        String root = post.getRootId() == null ? post.getId() : post.getRootId();
        return em.createQuery("SELECT p FROM Post p WHERE p.id = :root OR p.rootId = :root ORDER BY p.createAt, p.id", Post.class)
                .setParameter("root", root)
                .getResultList();
    }

    private Post find(String postId) {
        Post post = Ids.isValid(postId) ? em.find(Post.class, postId) : null;
        if (post == null) {
            throw CallsException.notFound("api.post.not_found", "No post with id " + postId + ".");
        }
        return post;
    }

    /** The {@code post} object of a {@code posted} event. */
    static CallEvent.Post toEvent(Post post) {
        return new CallEvent.Post(post.getId(), post.getChannelId(), post.getRootId(), post.getUserId(), post.getMessage(),
                post.getCreateAt(), post.getType(), post.propsObject());
    }
}
