package dev.calls.web.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The outbox: producers only queue, its sender writes one frame at a time in queue order, events get
 * gap-free seq, replies keep their place among them, and sends that complete at once do not recurse.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OutboxTest {

    private final ExecutorService threads = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    /** A WebSocket whose asynchronous sends are recorded and completed by the test or at once. */
    private static final class Socket {
        final List<String> sent = new ArrayList<>();
        final Queue<SendHandler> inFlight = new ArrayDeque<>();
        final boolean completeAtOnce;
        int concurrentSends;
        int maxConcurrentSends;
        int minStackDepth = Integer.MAX_VALUE;
        int maxStackDepth;

        Socket(boolean completeAtOnce) {
            this.completeAtOnce = completeAtOnce;
        }

        Session session() {
            RemoteEndpoint.Async async = (RemoteEndpoint.Async) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {RemoteEndpoint.Async.class}, (proxy, method, args) -> {
                        if (method.getName().equals("sendText") && args.length == 2) {
                            send((String) args[0], (SendHandler) args[1]);
                            return null;
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
            return (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getAsyncRemote" -> async;
                        case "getId" -> "test";
                        case "close" -> {
                            synchronized (this) {
                                sent.add("close " + ((CloseReason) args[0]).getCloseCode().getCode());
                            }
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        private void send(String text, SendHandler done) {
            synchronized (this) {
                sent.add(text);
                concurrentSends++;
                maxConcurrentSends = Math.max(maxConcurrentSends, concurrentSends);
                if (!completeAtOnce) {
                    inFlight.add(done);
                    return;
                }
                int depth = Thread.currentThread().getStackTrace().length;
                minStackDepth = Math.min(minStackDepth, depth);
                maxStackDepth = Math.max(maxStackDepth, depth);
            }
            synchronized (this) {
                concurrentSends--;
            }
            done.onResult(new SendResult());
        }

        /** Completes the oldest send in flight. */
        void complete() {
            SendHandler done;
            synchronized (this) {
                done = inFlight.remove();
                concurrentSends--;
            }
            done.onResult(new SendResult());
        }

        synchronized List<String> sent() {
            return List.copyOf(sent);
        }
    }

    private static EventFrame event(String name) {
        return Frames.event(name, Json.createObjectBuilder().build(), null);
    }

    private static JsonObject parse(String frame) {
        return Json.createReader(new StringReader(frame)).readObject();
    }

    @Test
    void aCloseWhenSentClosesAfterTheFramesQueuedBeforeItAndNothingGoesOutAfter() {
        Socket socket = new Socket(false);
        Queue<Runnable> senderTasks = new ArrayDeque<>();
        Outbox outbox = new Outbox(socket.session(), senderTasks::add);

        outbox.event(event("call_end"));
        outbox.closeWhenSent(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "server shutting down"));
        outbox.event(event("too_late"));
        senderTasks.remove().run();
        assertEquals(1, socket.sent().size(), "the close waits for the frame in flight");
        socket.complete();

        List<String> sent = socket.sent();
        assertEquals(2, sent.size());
        assertEquals("call_end", parse(sent.get(0)).getString("event"));
        assertEquals("close 1001", sent.get(1));
    }

    @Test
    void theProducerOnlyQueuesAndTheSenderWritesInOrderOneAtATime() {
        Socket socket = new Socket(false);
        Queue<Runnable> senderTasks = new ArrayDeque<>();
        Outbox outbox = new Outbox(socket.session(), senderTasks::add);

        outbox.event(event("first"));
        outbox.reply("{\"status\":\"OK\",\"seq_reply\":7}");
        outbox.event(event("second"));
        assertEquals(List.of(), socket.sent(), "nothing is written on the producer's thread");
        assertEquals(1, senderTasks.size(), "one sender task for the whole burst");

        senderTasks.remove().run();
        assertEquals(1, socket.sent().size(), "one send in flight at a time");
        socket.complete();
        socket.complete();
        socket.complete();
        List<String> sent = socket.sent();
        assertEquals("first", parse(sent.get(0)).getString("event"));
        assertEquals(0, parse(sent.get(0)).getInt("seq"));
        assertEquals(7, parse(sent.get(1)).getInt("seq_reply"), "the reply keeps its place between the events");
        assertEquals("second", parse(sent.get(2)).getString("event"));
        assertEquals(1, parse(sent.get(2)).getInt("seq"));

        outbox.event(event("third"));
        assertEquals(1, senderTasks.size(), "an idle outbox hands the next frame to its sender again");
    }

    @Test
    void eventsFromManyThreadsGoOutGapFreeInEachProducersOrderWithoutDeepeningTheStack() throws Exception {
        Socket socket = new Socket(true);
        ExecutorService sender = Executors.newSingleThreadExecutor();
        Outbox outbox = new Outbox(socket.session(), sender);
        int producers = 8;
        int each = Outbox.MAX_QUEUED / producers - 1;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            String producer = "p" + p;
            done.add(threads.submit(() -> {
                start.await();
                for (int i = 0; i < each; i++) {
                    outbox.event(Frames.event(producer, Json.createObjectBuilder().add("i", i).build(), null));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        sender.shutdown();
        assertTrue(sender.awaitTermination(30, TimeUnit.SECONDS));

        List<String> sent = socket.sent();
        assertEquals(producers * each, sent.size());
        Map<String, Integer> next = new HashMap<>();
        for (int n = 0; n < sent.size(); n++) {
            JsonObject frame = parse(sent.get(n));
            assertEquals(n, frame.getInt("seq"), "seq without gaps");
            int i = frame.getJsonObject("data").getInt("i");
            assertEquals(next.getOrDefault(frame.getString("event"), 0), i, "each producer's events in its order");
            next.put(frame.getString("event"), i + 1);
        }
        assertEquals(1, socket.maxConcurrentSends, "never two sends at once");
        assertTrue(socket.maxStackDepth - socket.minStackDepth < 20, "a send completing at once is not followed "
                + "by a deeper call: stack depth " + socket.minStackDepth + " to " + socket.maxStackDepth);
    }
}
