package dev.calls.ejb.service;

import dev.calls.ejb.call.CallStateStore;
import dev.calls.ejb.call.InMemoryCallStateStore;
import dev.calls.ejb.config.CallsConfig;
import dev.calls.ejb.error.CallsException;
import dev.calls.ejb.event.EventDelivery;
import dev.calls.ejb.media.MediaGateway;
import dev.calls.ejb.model.Channel;
import dev.calls.ejb.model.ChannelMember;
import dev.calls.ejb.model.ChannelType;
import dev.calls.ejb.model.Ids;
import dev.calls.ejb.model.Role;
import dev.calls.ejb.model.User;
import dev.calls.ejb.policy.CallAccessPolicy;
import dev.calls.ejb.policy.ChannelAccessPolicy;
import dev.calls.ejb.policy.HostActionPolicy;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.util.ArrayList;
import java.util.List;

/**
 * The call services wired as the container wires them, over an in-memory store, a map of records, a
 * transaction that commits unless told not to, and an engine and event sink that write down what they
 * are asked: for the call services' unit tests.
 */
final class CallCore {

    final FakeEntityManager records = new FakeEntityManager();
    final CallStateStore store = new InMemoryCallStateStore();
    final List<EventDelivery> events = new ArrayList<>();
    final List<String> engine = new ArrayList<>();
    final Transaction transaction = new Transaction();
    boolean screenSharing = true;
    boolean ringingEnabled = true;
    String engineRefusal;

    final CallChanges changes = new CallChanges();
    final CallEntities entities = new CallEntities();
    final CallDepartures departures = new CallDepartures();
    final CallLifecycle lifecycle = new CallLifecycle();
    final ParticipantState participants = new ParticipantState();
    final HostControls host = new HostControls();
    final CallHistory history = new CallHistory();
    final CallsSwitch callsSwitch = new CallsSwitch();
    final CallDrain drain = new CallDrain();
    final CallPosts callPosts = new CallPosts();
    final CallRinging ringing = new CallRinging();

    CallCore() {
        CallEvents callEvents = new CallEvents() {
            @Override
            public void publish(EventDelivery delivery) {
                CallCore.this.events.add(delivery);
            }
        };
        callEvents.em = records.em;
        callEvents.store = store;
        MediaGateway media = new MediaGateway() {
            @Override
            public void open(String callId, String sessionId) {
                if (engineRefusal != null) {
                    throw CallsException.badRequest(engineRefusal, "refused by the test");
                }
                engine.add("open " + sessionId);
            }

            @Override
            public void setMuted(String sessionId, boolean muted) {
                engine.add((muted ? "mute " : "unmute ") + sessionId);
            }

            @Override
            public void setScreenStream(String sessionId, String streamId) {
                engine.add("screen " + sessionId + " " + streamId);
            }

            @Override
            public void close(String sessionId, String reason) {
                engine.add("close " + sessionId);
            }
        };
        CallsConfig config = new CallsConfig() {
            @Override
            public int maxCallParticipants() {
                return 0;
            }

            @Override
            public boolean defaultEnabled() {
                return true;
            }

            @Override
            public boolean allowScreenSharing() {
                return screenSharing;
            }

            @Override
            public boolean enableRinging() {
                return ringingEnabled;
            }
        };
        callPosts.em = records.em;
        callPosts.callEvents = callEvents;
        changes.store = store;
        changes.transaction = transaction;
        entities.em = records.em;
        departures.em = records.em;
        departures.store = store;
        departures.entities = entities;
        departures.callEvents = callEvents;
        departures.media = media;
        departures.callPosts = callPosts;
        lifecycle.em = records.em;
        lifecycle.store = store;
        lifecycle.changes = changes;
        lifecycle.departures = departures;
        lifecycle.entities = entities;
        lifecycle.config = config;
        lifecycle.callPolicy = new CallAccessPolicy();
        lifecycle.callEvents = callEvents;
        lifecycle.media = media;
        lifecycle.postRate = new PostRate();
        lifecycle.drain = drain;
        lifecycle.callPosts = callPosts;
        lifecycle.ringing = ringing;
        ringing.em = records.em;
        ringing.config = config;
        ringing.callEvents = callEvents;
        ringing.store = store;
        ringing.entities = entities;
        ringing.callPolicy = new CallAccessPolicy();
        drain.store = store;
        drain.changes = changes;
        drain.departures = departures;
        participants.store = store;
        participants.changes = changes;
        participants.config = config;
        participants.callEvents = callEvents;
        participants.media = media;
        host.store = store;
        host.changes = changes;
        host.departures = departures;
        host.participants = participants;
        host.entities = entities;
        host.hostPolicy = new HostActionPolicy();
        host.callEvents = callEvents;
        host.media = media;
        history.em = records.em;
        history.store = store;
        history.entities = entities;
        history.config = config;
        history.callPolicy = new CallAccessPolicy();
        history.channelPolicy = new ChannelAccessPolicy();
        callsSwitch.store = store;
        callsSwitch.changes = changes;
        callsSwitch.departures = departures;
        callsSwitch.entities = entities;
        callsSwitch.channelPolicy = new ChannelAccessPolicy();
    }

    User user(Role role) {
        String id = Ids.newId();
        return records.put(new User(id, "u" + id.substring(0, 8), "U", role, "hash", 1), id);
    }

    Channel channel(User... members) {
        return channel(ChannelType.OPEN, members);
    }

    Channel channel(ChannelType type, User... members) {
        String id = Ids.newId();
        Channel channel = records.put(new Channel(id, type, "c" + id.substring(0, 8), "C", null, 1), id);
        for (User member : members) {
            records.put(new ChannelMember(id, member.getId(), false, 1), new ChannelMember.Key(id, member.getId()));
        }
        return channel;
    }

    /** The names of the events fired so far, in order; forgets them. */
    List<String> takeEvents() {
        List<String> names = events.stream().map(d -> d.event().event()).toList();
        events.clear();
        return names;
    }

    /** What the engine was asked so far, in order; forgets it. */
    List<String> takeEngine() {
        List<String> steps = List.copyOf(engine);
        engine.clear();
        return steps;
    }

    /** A transaction that commits, or refuses to once {@link #failNextCommit} is set. */
    static final class Transaction implements UserTransaction {

        boolean failNextCommit;
        int committed;
        int rolledBack;

        @Override
        public void begin() {
        }

        @Override
        public void commit() throws RollbackException {
            if (failNextCommit) {
                failNextCommit = false;
                rolledBack++;
                throw new RollbackException("refused by the test");
            }
            committed++;
        }

        @Override
        public void rollback() {
            rolledBack++;
        }

        @Override
        public void setRollbackOnly() {
        }

        @Override
        public int getStatus() {
            return Status.STATUS_ACTIVE;
        }

        @Override
        public void setTransactionTimeout(int seconds) {
        }
    }
}
