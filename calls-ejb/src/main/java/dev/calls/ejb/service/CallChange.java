package dev.calls.ejb.service;

import dev.calls.ejb.call.CallStateStore;
import dev.calls.ejb.call.LiveCall;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * What one change of a channel's call does outside the database, kept so that the engine, the live state
 * and the database agree whatever the commit's outcome: the live call as it was before the change (put
 * back if the change does not commit), each engine step taken with the step that takes it back (run newest
 * first), and the engine steps that cannot be taken back (closing media), held until the change committed.
 * Used by one thread, under the channel's lock; {@link CallChanges} makes one for each change and hands
 * it to the code making the change.
 */
public final class CallChange {

    private static final Logger LOG = Logger.getLogger(CallChange.class);

    private final String channelId;
    private final LiveCall before;
    private final Deque<Runnable> undo = new ArrayDeque<>();
    private final List<Runnable> afterCommit = new ArrayList<>();

    CallChange(String channelId, LiveCall before) {
        this.channelId = channelId;
        this.before = before;
    }

    /** An engine step was taken: {@code step} takes it back should the change not commit. */
    public void undoWith(Runnable step) {
        undo.push(step);
    }

    /** An engine step that cannot be taken back: it runs once the change committed. */
    public void afterCommit(Runnable step) {
        afterCommit.add(step);
    }

    /** The change committed: the held steps run, in order. */
    void committed() {
        afterCommit.forEach(CallChange::runLogged);
    }

    /**
     * The change did not commit: the channel's live call is what it was before, and the engine steps are
     * taken back newest first. A step that fails is logged and the others still run.
     */
    void undo(CallStateStore store) {
        store.update(channelId, current -> before);
        while (!undo.isEmpty()) {
            runLogged(undo.pop());
        }
    }

    private static void runLogged(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.errorf(e, "an engine step of a call change failed");
        }
    }
}
