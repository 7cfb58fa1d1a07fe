package dev.calls.media.dtls;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

/** Runs each task on a new daemon thread and remembers the threads, so tests can see them end. */
final class ThreadPerTaskExecutor implements Executor {

    final List<Thread> threads = new CopyOnWriteArrayList<>();

    @Override
    public void execute(Runnable task) {
        Thread thread = new Thread(task, "dtls-test-worker");
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    /** Waits up to {@code millis} for every thread started so far; true if all have ended. */
    boolean awaitAllEnded(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        for (Thread thread : threads) {
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            thread.join(left);
            if (thread.isAlive()) {
                return false;
            }
        }
        return true;
    }
}
