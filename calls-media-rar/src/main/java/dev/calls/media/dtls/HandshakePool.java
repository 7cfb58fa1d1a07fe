package dev.calls.media.dtls;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;

/**
 * The threads DTLS handshakes run on, the engine's own: at most {@code threads} at once, at most
 * {@code queued} waiting, and a task beyond that is refused at once ({@link java.util.concurrent.RejectedExecutionException})
 * rather than queued or waited for. A handshake blocks its thread until the client's flights arrive or it
 * times out, so handshakes on a shared pool (the container's work manager) let sessions that never finish
 * theirs hold up everything else on it, signaling included; here they can only hold up one another, and
 * {@link DtlsServer#start} never blocks its caller. Threads end after a minute idle. An {@link Error} on a
 * thread (out of memory) is logged at error level before the thread dies.
 */
public final class HandshakePool implements Executor, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(HandshakePool.class);
    private static final long IDLE_SECONDS = 60;

    private final ThreadPoolExecutor executor;

    public HandshakePool(int threads, int queued) {
        AtomicInteger count = new AtomicInteger();
        executor = new ThreadPoolExecutor(threads, threads, IDLE_SECONDS, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queued), task -> {
                    Thread thread = new Thread(task, "calls-dtls-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    thread.setUncaughtExceptionHandler((t, e) -> LOG.errorf(e, "DTLS thread %s failed", t.getName()));
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
    }

    /** Runs the task on a handshake thread; throws RejectedExecutionException when every thread and queue slot is taken. */
    @Override
    public void execute(Runnable task) {
        executor.execute(task);
    }

    /** Ends every handshake thread; handshakes in progress are interrupted (their sessions are closed by then). */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
