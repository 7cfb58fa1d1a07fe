package dev.calls.ejb.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.calls.ejb.error.CallsException;
import dev.calls.ejb.model.Channel;
import dev.calls.ejb.model.Ids;
import dev.calls.ejb.model.Post;
import dev.calls.ejb.model.Role;
import dev.calls.ejb.model.User;
import dev.calls.ejb.policy.ChannelAccessPolicy;
import dev.calls.limits.Limit;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PostTimelineTest {

    private static final String NEWEST = "SELECT p FROM Post p WHERE p.channelId = :channel AND p.rootId IS NULL "
            + "ORDER BY p.createAt DESC, p.id DESC";
    private static final String BEFORE = "SELECT p FROM Post p WHERE p.channelId = :channel AND p.rootId IS NULL "
            + "AND (p.createAt < :at OR (p.createAt = :at AND p.id < :id)) ORDER BY p.createAt DESC, p.id DESC";

    private final CallCore core = new CallCore();
    private final PostTimeline timeline = new PostTimeline();
    private final User member = core.user(Role.SYSTEM_USER);
    private final User guest = core.user(Role.SYSTEM_GUEST);
    private final User outsider = core.user(Role.SYSTEM_USER);
    private final Channel channel = core.channel(member, guest);

    PostTimelineTest() {
        UserService users = new UserService();
        users.em = core.records.em;
        users.policy = new ChannelAccessPolicy();
        ChannelService channels = new ChannelService();
        channels.em = core.records.em;
        timeline.em = core.records.em;
        timeline.policy = new ChannelAccessPolicy();
        timeline.users = users;
        timeline.channels = channels;
    }

    @Test
    void aFullPageSaysThereAreOlderPosts() {
        core.records.answer(NEWEST, posts(4));

        PostTimeline.Slice slice = timeline.page(member.getId(), channel.getId(), null, 3);

        assertEquals(3, slice.posts().size());
        assertTrue(slice.hasMore());
    }

    @Test
    void theLastPageSaysSo() {
        Post cursor = post(100);
        core.records.put(cursor, cursor.getId());
        core.records.answer(BEFORE, posts(2));

        PostTimeline.Slice slice = timeline.page(member.getId(), channel.getId(), cursor.getId(), 3);

        assertEquals(2, slice.posts().size());
        assertFalse(slice.hasMore());
    }

    @Test
    void guestsWhoAreMembersReadOutsidersDoNot() {
        assertEquals(0, timeline.page(guest.getId(), channel.getId(), "", 10).posts().size());
        assertEquals(403, assertThrows(CallsException.class,
                () -> timeline.page(outsider.getId(), channel.getId(), null, 10)).status());
    }

    @Test
    void thePageSizeIsBounded() {
        int max = Limit.TIMELINE_PAGE_POSTS.value();
        assertEquals(400, assertThrows(CallsException.class,
                () -> timeline.page(member.getId(), channel.getId(), null, max + 1)).status());
        assertEquals(400, assertThrows(CallsException.class,
                () -> timeline.page(member.getId(), channel.getId(), null, 0)).status());
    }

    @Test
    void theCursorMustBeAPostOfTheChannel() {
        Channel other = core.channel(member);
        Post elsewhere = new Post(Ids.newId(), other.getId(), null, member.getId(), "x", 1);
        core.records.put(elsewhere, elsewhere.getId());

        assertEquals("api.post.before.invalid", assertThrows(CallsException.class,
                () -> timeline.page(member.getId(), channel.getId(), elsewhere.getId(), 10)).id());
        assertEquals("api.post.before.invalid", assertThrows(CallsException.class,
                () -> timeline.page(member.getId(), channel.getId(), "not-an-id", 10)).id());
    }

    private List<Post> posts(int count) {
        return IntStream.range(0, count).mapToObj(i -> post(50 - i)).toList();
    }

    private Post post(long at) {
        return new Post(Ids.newId(), channel.getId(), null, member.getId(), "hello " + at, at);
    }
}
