package dev.calls.ejb.media;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.LongAdder;

import org.jboss.logging.Logger;

/**
 * Runs tasks one at a time per key, in the order they were handed in, on a shared pool: a key whose task
 * waits holds up only its own later tasks, never another key's. Each key queues at most {@code capacity}
 * tasks; more are dropped and counted rather than queued without bound. A key takes a pool thread only while
 * it has tasks.
 */
public final class KeyedSerialExecutor {

    private static final Logger LOG = Logger.getLogger(KeyedSerialExecutor.class);

    private final Executor pool;
    private final int capacity;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final LongAdder dropped = new LongAdder();

    public KeyedSerialExecutor(Executor pool, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a key must queue at least one task: " + capacity);
        }
        this.pool = pool;
        this.capacity = capacity;
    }

    /** Queues the task behind the key's earlier ones; false when the key's queue was full and it was dropped. */
    public boolean execute(String key, Runnable task) {
        Lane[] start = new Lane[1];
        boolean[] queued = new boolean[1];
        // The map's per-key lock guards each lane's queue and its running flag.
        lanes.compute(key, (k, lane) -> {
            Lane current = lane == null ? new Lane(k) : lane;
            queued[0] = current.tasks.size() < capacity && current.tasks.add(task);
            if (queued[0] && !current.running) {
                current.running = true;
                start[0] = current;
            }
            return current;
        });
        if (!queued[0]) {
            dropped.increment();
            return false;
        }
        if (start[0] != null) {
            schedule(start[0]);
        }
        return true;
    }

    /** Tasks dropped because their key's queue was full or the pool refused them, since this executor was made. */
    public long dropped() {
        return dropped.sum();
    }

    private void schedule(Lane lane) {
        try {
            pool.execute(lane);
        } catch (RejectedExecutionException e) {
            lanes.compute(lane.key, (k, refused) -> {
                dropped.add(refused == null ? 0 : refused.tasks.size());
                return null;
            });
            LOG.warnf("tasks for %s dropped: the pool refused them (%s)", lane.key, e.getMessage());
        }
    }

    /** One key's queue, drained by at most one pool thread at a time. */
    private final class Lane implements Runnable {

        private final String key;
        private final Queue<Runnable> tasks = new ArrayDeque<>();
        private boolean running;

        Lane(String key) {
            this.key = key;
        }

        /**
         * Drains the queue. An Error (out of memory) is logged and passed on, with the rest of the queue handed
         * to another pool thread first, so the key is never left waiting for a drain that ended.
         */
        @Override
        public void run() {
            for (Runnable task = next(); task != null; task = next()) {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.errorf(e, "task for %s failed", key);
                } catch (Error e) {
                    LOG.errorf(e, "task for %s failed: %s", key, e);
                    schedule(this);
                    throw e;
                }
            }
        }

        /** The next task, or null after removing this lane when it has none: a later task starts a new one. */
        private Runnable next() {
            Runnable[] next = new Runnable[1];
            lanes.computeIfPresent(key, (k, lane) -> {
                next[0] = lane.tasks.poll();
                return next[0] == null ? null : lane;
            });
            return next[0];
        }
    }
}
