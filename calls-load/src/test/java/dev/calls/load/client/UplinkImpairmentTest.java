package dev.calls.load.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class UplinkImpairmentTest {

    private static final UplinkImpairment.Shape SHAPE = new UplinkImpairment.Shape(5, 100, 30, 7);

    /** Collects what reaches the socket, with the time it did. */
    private static final class Recording implements UdpEndpoint {
        final List<Integer> firstBytes = new ArrayList<>();
        final List<Long> times = new ArrayList<>();

        @Override
        public synchronized void send(byte[] buf, int off, int len) {
            firstBytes.add(buf[off] & 0xFF);
            times.add(System.nanoTime());
        }

        synchronized int count() {
            return firstBytes.size();
        }

        @Override
        public InetSocketAddress localAddress() {
            return null;
        }

        @Override
        public long sendFailures() {
            return 0;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aSeedDropsAboutItsShareAndDelaysTheRestWithinTheJitter() {
        UplinkImpairment impairment = new UplinkImpairment(SHAPE, null);
        Random random = new Random(SHAPE.seed());
        int lost = 0;
        int packets = 20_000;
        for (int i = 0; i < packets; i++) {
            long delay = impairment.delayNanos(random);
            if (delay < 0) {
                lost++;
            } else {
                assertTrue(delay >= TimeUnit.MILLISECONDS.toNanos(70) && delay <= TimeUnit.MILLISECONDS.toNanos(130),
                        "delay " + delay);
            }
        }
        double percent = 100.0 * lost / packets;
        assertTrue(percent > 4.5 && percent < 5.5, "lost " + percent + " %");
    }

    @Test
    void theSameSeedLosesTheSamePackets() {
        UplinkImpairment impairment = new UplinkImpairment(SHAPE, null);
        Random first = new Random(SHAPE.seed());
        Random second = new Random(SHAPE.seed());
        for (int i = 0; i < 1000; i++) {
            assertEquals(impairment.delayNanos(first), impairment.delayNanos(second));
        }
    }

    @Test
    void offItSendsAtOnceAndOnItDelaysInOrderDropsAndStartsEachWindowWithTheSameLosses() throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            UplinkImpairment impairment = new UplinkImpairment(new UplinkImpairment.Shape(20, 20, 10, 3), timer);
            Recording socket = new Recording();
            impairment.send(socket, new byte[] {9}, 0, 1, false);
            assertEquals(1, socket.count(), "not impaired: sent at once");

            List<Integer> firstWindow = window(impairment, socket);
            List<Integer> secondWindow = window(impairment, socket);

            assertEquals(firstWindow, secondWindow, "the same seed drops the same packets in each window");
            assertTrue(firstWindow.size() < 100 && firstWindow.size() > 50, "about 20 % lost: " + firstWindow.size());
            for (int i = 1; i < firstWindow.size(); i++) {
                assertTrue(firstWindow.get(i) > firstWindow.get(i - 1), "kept in order: " + firstWindow);
            }
            assertEquals(200 - 2 * firstWindow.size(), impairment.dropped());
        } finally {
            timer.shutdownNow();
        }
    }

    /** 100 packets numbered 0..99 through a window of the impairment; returns those that arrived. */
    private static List<Integer> window(UplinkImpairment impairment, Recording socket) throws InterruptedException {
        int before = socket.count();
        long start = System.nanoTime();
        impairment.start();
        for (int i = 0; i < 100; i++) {
            impairment.send(socket, new byte[] {(byte) i}, 0, 1, false);
        }
        impairment.stop();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!impairment.idle() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        synchronized (socket) {
            for (long time : socket.times.subList(before, socket.count())) {
                assertTrue(time - start >= TimeUnit.MILLISECONDS.toNanos(10), "delayed by at least 20 - 10 ms");
            }
            return new ArrayList<>(socket.firstBytes.subList(before, socket.count()));
        }
    }

    @Test
    void aJitterLargerThanTheDelayIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new UplinkImpairment.Shape(5, 10, 30, 1));
        assertThrows(IllegalArgumentException.class, () -> new UplinkImpairment.Shape(101, 100, 30, 1));
    }
}
