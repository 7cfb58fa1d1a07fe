package dev.calls.media.sfu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ForwardQueueTest {

    /** What a handler saw, copied out of the slot. */
    private record Taken(String route, byte[] bytes, long stamp) {
    }

    private static Taken take(ForwardQueue<String> queue) {
        Taken[] taken = new Taken[1];
        boolean found = queue.poll((route, buf, len, stamp) -> taken[0] = new Taken(route, Arrays.copyOf(buf, len), stamp));
        return found ? taken[0] : null;
    }

    @Test
    void aFullQueueRefusesAndCountsWhatItCannotHoldAndKeepsWhatItHas() {
        ForwardQueue<String> queue = new ForwardQueue<>(4, 16);
        for (int i = 0; i < 4; i++) {
            assertTrue(queue.offer("r" + i, new byte[] {(byte) i}, 0, 1, i));
        }
        assertFalse(queue.offer("r4", new byte[] {4}, 0, 1, 4));
        assertFalse(queue.offer("r5", new byte[] {5}, 0, 1, 5));
        assertEquals(2, queue.dropped());

        for (int i = 0; i < 4; i++) {
            Taken taken = take(queue);
            assertEquals("r" + i, taken.route());
            assertArrayEquals(new byte[] {(byte) i}, taken.bytes());
            assertEquals(i, taken.stamp());
        }
        assertEquals(null, take(queue));
        assertTrue(queue.isEmpty());
        assertTrue(queue.offer("again", new byte[] {9}, 0, 1, 9), "room again once taken");
        assertEquals(2, queue.dropped(), "drops are only counted when refused");
    }

    @Test
    void packetsComeOutInTheOrderTheyWentInAcrossManyLaps() {
        ForwardQueue<String> queue = new ForwardQueue<>(4, 8);
        int next = 0;
        int expected = 0;
        for (int lap = 0; lap < 50; lap++) {
            for (int i = 0; i < 3; i++, next++) {
                byte[] packet = new byte[4];
                ByteBuffer.wrap(packet).putInt(0, next);
                assertTrue(queue.offer("route", packet, 0, 4, next));
            }
            for (int i = 0; i < 3; i++, expected++) {
                assertEquals(expected, ByteBuffer.wrap(take(queue).bytes()).getInt(0));
            }
        }
        assertEquals(0, queue.dropped());
    }

    @Test
    void theQueueKeepsACopySoTheReceiveBufferCanBeReusedAtOnce() {
        ForwardQueue<String> queue = new ForwardQueue<>(2, 8);
        byte[] receiveBuffer = {0, 1, 2, 3, 4, 5};
        assertTrue(queue.offer("route", receiveBuffer, 2, 3, 0));
        Arrays.fill(receiveBuffer, (byte) 0x7F);
        assertArrayEquals(new byte[] {2, 3, 4}, take(queue).bytes());
    }

    @Test
    void aPacketLargerThanASlotIsRefusedLoudlyAndAnOddCapacityIsRejected() {
        ForwardQueue<String> queue = new ForwardQueue<>(2, 8);
        assertThrows(IndexOutOfBoundsException.class, () -> queue.offer("route", new byte[9], 0, 9, 0));
        assertTrue(queue.isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new ForwardQueue<String>(3, 8));
        assertThrows(IllegalArgumentException.class, () -> new ForwardQueue<String>(1, 8));
    }

    /**
     * Several receive threads offer at once while one worker takes: nothing is lost without being counted,
     * nothing is duplicated, and each producer's packets come out in the order it offered them.
     */
    @Test
    void concurrentProducersKeepTheirOwnOrderAndEveryPacketIsTakenOrCounted() throws Exception {
        int producers = 3;
        int perProducer = 100_000;
        ForwardQueue<String> queue = new ForwardQueue<>(64, 8);
        String[] routes = {"p0", "p1", "p2"};
        int[] lastSeen = {-1, -1, -1};
        AtomicLong taken = new AtomicLong();
        AtomicBoolean outOfOrder = new AtomicBoolean();
        AtomicBoolean producing = new AtomicBoolean(true);
        ForwardQueue.Handler<String> check = (route, buf, len, stamp) -> {
            int producer = route.charAt(1) - '0';
            int value = ByteBuffer.wrap(buf).getInt(0);
            if (value <= lastSeen[producer] || stamp != value) {
                outOfOrder.set(true);
            }
            lastSeen[producer] = value;
            taken.incrementAndGet();
        };
        Thread consumer = new Thread(() -> {
            while (producing.get() || !queue.isEmpty()) {
                if (!queue.poll(check)) {
                    Thread.onSpinWait();
                }
            }
        });
        consumer.start();
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            String route = routes[p];
            Thread producer = new Thread(() -> {
                byte[] packet = new byte[4];
                for (int i = 0; i < perProducer; i++) {
                    ByteBuffer.wrap(packet).putInt(0, i);
                    queue.offer(route, packet, 0, 4, i);
                }
            });
            threads.add(producer);
            producer.start();
        }
        for (Thread producer : threads) {
            producer.join();
        }
        producing.set(false);
        consumer.join();

        assertFalse(outOfOrder.get(), "a producer's packets came out of order or with another's stamp");
        assertEquals((long) producers * perProducer, taken.get() + queue.dropped());
        assertTrue(taken.get() > 0);
    }
}
