package dev.calls.media.sfu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import dev.calls.media.LatencyHistogram;
import dev.calls.media.rtp.RtpPacket;
import dev.calls.media.srtp.SrtpProfile;
import dev.calls.media.transport.DatagramBatch;
import dev.calls.media.transport.PacketSender;

/** The fan-out over forwarding workers, through a real call: who sends what, on which thread, in which order. */
class ForwardingTest {

    /** One datagram a worker sent, and the thread that sent it. */
    private record Sent(String thread, byte[] datagram) {
    }

    @Test
    void eachSubscriberGetsEveryPacketInOrderFromItsOneWorkerThread() throws Exception {
        int subscribers = 6;
        int packets = 20;
        List<Sent> sent = new ArrayList<>();
        UnaryOperator<PacketSender> watch = real -> new PacketSender() {
            @Override
            public boolean send(ByteBuffer datagram, InetSocketAddress to) {
                byte[] copy = new byte[datagram.remaining()];
                datagram.duplicate().get(copy);
                record(copy);
                return real.send(datagram, to);
            }

            @Override
            public void send(DatagramBatch batch) {
                for (int i = 0; i < batch.count(); i++) {
                    byte[] copy = new byte[ForwardBuffers.SIZE];
                    record(Arrays.copyOf(copy, batch.copy(i, copy)));
                }
                real.send(batch);
            }

            private void record(byte[] datagram) {
                synchronized (sent) {
                    sent.add(new Sent(Thread.currentThread().getName(), datagram));
                }
            }
        };
        try (ConnectedCall call = ConnectedCall.withSubscribers(SrtpProfile.AES_CM_128_HMAC_SHA1_80, subscribers, 2,
                watch)) {
            Set<Integer> workersUsed = new HashSet<>();
            for (Participant subscriber : call.subscribers()) {
                workersUsed.add(subscriber.forwardWorker());
            }
            assertEquals(Set.of(0, 1), workersUsed, "the subscribers are shared by both workers");
            call.startWorkers();

            byte[] packet = new byte[ForwardBuffers.SIZE];
            for (int sequence = 0; sequence < packets; sequence++) {
                int plain = OpusPacket.write(packet, ConnectedCall.PUBLISHER_SSRC, sequence);
                int length = call.publisherClient().protectRtp(packet, 0, plain);
                call.publisher().onSrtp(call.buffers(), packet, 0, length, System.nanoTime());
            }
            awaitSent(sent, subscribers * packets);

            Map<Integer, Set<String>> threadsOf = new HashMap<>();
            Map<Integer, List<Integer>> sequencesOf = new HashMap<>();
            for (Sent datagram : List.copyOf(sent)) {
                int owner = -1;
                int plain = -1;
                byte[] bytes = null;
                for (int i = 0; i < subscribers && owner < 0; i++) {
                    bytes = Arrays.copyOf(datagram.datagram(), datagram.datagram().length);
                    plain = call.subscriberClient(i).unprotectRtp(bytes, 0, bytes.length);
                    owner = plain > 0 ? i : -1;
                }
                assertTrue(owner >= 0, "every datagram authenticates under one subscriber's keys");
                RtpPacket rtp = new RtpPacket();
                assertTrue(rtp.wrap(bytes, 0, plain));
                threadsOf.computeIfAbsent(owner, k -> new HashSet<>()).add(datagram.thread());
                sequencesOf.computeIfAbsent(owner, k -> new ArrayList<>()).add(rtp.sequenceNumber());
            }
            List<Integer> inOrder = new ArrayList<>();
            for (int sequence = 0; sequence < packets; sequence++) {
                inOrder.add(sequence);
            }
            for (int i = 0; i < subscribers; i++) {
                Participant subscriber = call.subscribers().get(i);
                assertEquals(Set.of("forward-" + subscriber.forwardWorker()), threadsOf.get(i),
                        "subscriber " + i + " is served by its own worker's thread only");
                assertEquals(inOrder, sequencesOf.get(i), "subscriber " + i + " gets every packet once, in order");
            }
            assertEquals(0, call.forwarding().dropped());
        }
    }

    @Test
    void aPacketIsCopiedOncePerWorkerNotOncePerSubscriber() throws Exception {
        try (ConnectedCall call = ConnectedCall.withSubscribers(SrtpProfile.AEAD_AES_128_GCM, 5, 2,
                UnaryOperator.identity())) {
            byte[] packet = new byte[ForwardBuffers.SIZE];
            int length = call.publisherClient().protectRtp(packet, 0,
                    OpusPacket.write(packet, ConnectedCall.PUBLISHER_SSRC, 1));
            call.publisher().onSrtp(call.buffers(), packet, 0, length, System.nanoTime());
            assertEquals(2, call.drainWorkers());
        }
    }

    @Test
    void aWorkerThatFallsBehindDropsWhatItsQueueCannotHoldAndCountsIt() throws Exception {
        try (ConnectedCall call = ConnectedCall.withSubscribers(SrtpProfile.AES_CM_128_HMAC_SHA1_80, 2)) {
            byte[] packet = new byte[ForwardBuffers.SIZE];
            int capacity = 512;
            // Received 20 ms apart, as Opus sends, so that the track's rate limit lets every one through.
            long start = System.nanoTime();
            for (int sequence = 0; sequence < capacity + 10; sequence++) {
                int length = call.publisherClient().protectRtp(packet, 0,
                        OpusPacket.write(packet, ConnectedCall.PUBLISHER_SSRC, sequence));
                call.publisher().onSrtp(call.buffers(), packet, 0, length, start + sequence * 20_000_000L);
            }
            assertEquals(10, call.forwarding().dropped());
            assertEquals(0, call.publisher().srtpDrops(), "every packet was decrypted: the drops are the queue's");
            assertEquals(capacity, call.drainWorkers());
        }
    }

    @Test
    void aPacketThatWaitedTooLongForItsWorkerIsDroppedAndCountedAndTheNextGoesOut() throws Exception {
        try (ConnectedCall call = ConnectedCall.withSubscribers(SrtpProfile.AEAD_AES_128_GCM, 2)) {
            byte[] packet = new byte[ForwardBuffers.SIZE];
            long received = System.nanoTime() - ForwardWorker.MAX_QUEUE_DELAY_NANOS - 1_000_000;
            int length = call.publisherClient().protectRtp(packet, 0,
                    OpusPacket.write(packet, ConnectedCall.PUBLISHER_SSRC, 1));
            call.publisher().onSrtp(call.buffers(), packet, 0, length, received);
            call.drainWorkers();
            assertEquals(1, call.forwarding().late());
            assertEquals(0, sent(call), "nothing was sent");

            length = call.publisherClient().protectRtp(packet, 0, OpusPacket.write(packet, ConnectedCall.PUBLISHER_SSRC, 2));
            call.publisher().onSrtp(call.buffers(), packet, 0, length, System.nanoTime());
            call.drainWorkers();
            assertEquals(1, call.forwarding().late());
            assertEquals(2, sent(call), "a fresh packet goes to both subscribers");
        }
    }

    /** Datagrams the workers sent, as their forwarding-latency histograms counted them. */
    private static long sent(ConnectedCall call) {
        return LatencyHistogram.merge(call.forwarding().buffers().stream().map(ForwardBuffers::forwardingLatency)
                .toList()).count();
    }

    private static void awaitSent(List<Sent> sent, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (sent) {
                if (sent.size() >= expected) {
                    break;
                }
            }
            Thread.sleep(10);
        }
        Thread.sleep(100);
        synchronized (sent) {
            assertEquals(expected, sent.size(), "one datagram per subscriber and packet, no more");
        }
    }
}
