package dev.calls.ejb.service;

import dev.calls.ejb.event.CallEvent;
import dev.calls.ejb.model.CallPostProps;
import dev.calls.ejb.model.Post;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * A call's card, its root post: who joined and, at the end, when and why it ended. Each change goes to
 * the channel's members as {@code post_edited} (an extension event) so that open timelines redraw the
 * card. A call started in a thread someone else wrote has no card: only a post that is this call's card
 * is changed.
 */
@ApplicationScoped
public class CallPosts {

    @PersistenceContext(unitName = "calls")
    EntityManager em;

    @Inject
    CallEvents callEvents;

    /** The user joined the call: its card lists them, once. */
    public void joined(String callId, String threadId, String userId) {
        card(em, callId, threadId)
                .filter(post -> !post.callProps().orElseThrow().participants().contains(userId))
                .ifPresent(post -> {
                    post.showCall(post.callProps().orElseThrow().withParticipant(userId));
                    announce(post);
                });
    }

    /** The call ended at {@code endAt}: its card says when and why. */
    public void ended(String callId, String threadId, long endAt, CallEndReason reason) {
        card(em, callId, threadId).ifPresent(post -> {
            post.showCall(post.callProps().orElseThrow().ended(endAt, reason.id()));
            announce(post);
        });
    }

    /** The call's card: its thread's root post when that post is this call's card. */
    static Optional<Post> card(EntityManager em, String callId, String threadId) {
        Post post = threadId == null ? null : em.find(Post.class, threadId);
        return Optional.ofNullable(post)
                .filter(p -> p.callProps().map(props -> props.callId().equals(callId)).orElse(false));
    }

    private void announce(Post post) {
        callEvents.toChannel(post.getChannelId(), new CallEvent.PostEdited(PostService.toEvent(post)));
    }
}
