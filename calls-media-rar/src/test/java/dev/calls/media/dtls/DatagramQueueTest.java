package dev.calls.media.dtls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class DatagramQueueTest {

    private final List<byte[]> sent = new ArrayList<>();
    private final DatagramQueue queue = new DatagramQueue(2, (buf, off, len) ->
        sent.add(Arrays.copyOfRange(buf, off, off + len)));

    @Test
    void deliversACopyOfTheOfferedRange() throws IOException {
        byte[] packet = {9, 1, 2, 3, 9};
        assertTrue(queue.offer(packet, 1, 3));
        packet[1] = 7;

        byte[] buf = new byte[10];
        int n = queue.receive(buf, 2, 8, 1);

        assertEquals(3, n);
        assertArrayEquals(new byte[] {1, 2, 3}, Arrays.copyOfRange(buf, 2, 5));
    }

    @Test
    void dropsAndCountsWhenFullAndReusesSlotsOnceRead() throws IOException {
        byte[] packet = {1};
        assertTrue(queue.offer(packet, 0, 1));
        assertTrue(queue.offer(packet, 0, 1));
        assertFalse(queue.offer(packet, 0, 1));
        assertEquals(1, queue.dropped());

        queue.receive(new byte[10], 0, 10, 1);

        assertTrue(queue.offer(packet, 0, 1));
        assertEquals(1, queue.dropped());
    }

    @Test
    void dropsDatagramsLargerThanTheReceiveLimit() {
        assertFalse(queue.offer(new byte[DatagramQueue.RECEIVE_LIMIT + 1], 0, DatagramQueue.RECEIVE_LIMIT + 1));
        assertEquals(1, queue.dropped());
        assertFalse(queue.hasQueued());
    }

    @Test
    void returnsMinusOneWhenTheWaitEndsWithoutData() throws IOException {
        assertEquals(-1, queue.receive(new byte[10], 0, 10, 5));
    }

    @Test
    void closeWakesAReceiverWaitingWithoutLimit() throws Exception {
        CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return queue.receive(new byte[10], 0, 10, 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });

        queue.close();

        ExecutionException failure = assertThrows(ExecutionException.class, () -> waiting.get(10, TimeUnit.SECONDS));
        assertTrue(failure.getCause().getCause() instanceof IOException);
    }

    @Test
    void afterCloseReceivesFailOffersDropAndSendsAreSilent() {
        queue.close();

        assertThrows(IOException.class, () -> queue.receive(new byte[10], 0, 10, 1));
        assertFalse(queue.offer(new byte[1], 0, 1));
        queue.send(new byte[1], 0, 1);
        assertTrue(sent.isEmpty());
    }

    @Test
    void sendsGoToTheSenderAndItsFailuresAreLostDatagrams() {
        queue.send(new byte[] {5, 6, 7}, 1, 2);
        assertArrayEquals(new byte[] {6, 7}, sent.get(0));

        DatagramQueue failing = new DatagramQueue(1, (buf, off, len) -> {
            throw new IllegalStateException("socket closed");
        });
        failing.send(new byte[1], 0, 1);
    }
}
