package dev.calls.load.abuse;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.Json;

import dev.calls.load.client.ClientIdentity;
import dev.calls.load.client.ClientOffer;
import dev.calls.load.client.SimulatedParticipant;
import dev.calls.load.signaling.Signaling;
import dev.calls.load.signaling.SignalingException;
import dev.calls.load.signaling.SignalingListener;
import dev.calls.load.signaling.SignalingSession;
import dev.calls.media.dtls.DtlsCertificate;

/**
 * Row 9, half-open joins: members join the call in progress at the pace's rate, each on its own WebSocket,
 * and send a browser's offer, but never send an ICE check or a DTLS record, so that every session waits for
 * a connection that never comes (the contract closes it 10 s after the answer, {@code rtc_timeout}). When
 * they have been sent, a real participant (a {@link SimulatedParticipant}) joins the same call, and its join
 * to answer time is the figure: what the half-open sessions cost those who join meanwhile.
 */
final class HalfOpenJoins implements Attack {

    /** Joins waiting for their reply at once; the pace is the bound, this only keeps the threads few. */
    private static final int JOIN_THREADS = 16;

    private final Signaling signaling;
    private final String callName;
    private final List<Integer> members;
    private final SimulatedParticipant probe;
    private final double quietJoinToAnswerMillis;
    private final int openRate;
    private final SecureRandom random;
    private final DtlsCertificate certificate;
    private final List<SignalingSession> sessions = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> refusals = new ConcurrentHashMap<>();
    private final Map<String, Integer> closures = new ConcurrentHashMap<>();
    private final AtomicInteger answered = new AtomicInteger();

    /**
     * @param quietJoinToAnswerMillis the p50 join to answer time of the call in progress's own participants,
     *                                before the attacks: the probe's point of comparison (-1 when unknown)
     */
    HalfOpenJoins(Signaling signaling, String callName, List<Integer> members, SimulatedParticipant probe,
            double quietJoinToAnswerMillis, int openRate, SecureRandom random, DtlsCertificate certificate) {
        this.signaling = signaling;
        this.callName = callName;
        this.members = members;
        this.probe = probe;
        this.quietJoinToAnswerMillis = quietJoinToAnswerMillis;
        this.openRate = openRate;
        this.random = random;
        this.certificate = certificate;
    }

    @Override
    public String id() {
        return "half_open_joins";
    }

    @Override
    public String title() {
        return "row 9: joins that never connect";
    }

    @Override
    public AttackResult run(long deadlineNanos) throws InterruptedException {
        ExecutorService joins = Executors.newFixedThreadPool(JOIN_THREADS);
        OpenPace pace = new OpenPace(openRate, System.nanoTime(), deadlineNanos);
        int sent = 0;
        try {
            while (sent < members.size() && pace.awaitTurn(sent)) {
                int member = members.get(sent++);
                joins.execute(() -> joinWithoutConnecting(member));
            }
            joins.shutdown();
            joins.awaitTermination(Math.max(0, (deadlineNanos - System.nanoTime()) / 2), TimeUnit.NANOSECONDS);
            long probeStart = System.nanoTime();
            boolean probed = probeStart < deadlineNanos;
            if (probed) {
                probe.join();
                while (System.nanoTime() < deadlineNanos && !probe.isConnected() && probe.failure() == null) {
                    Thread.sleep(10);
                }
            }
            pace.awaitDeadline();
            return result(sent, probed);
        } finally {
            joins.shutdownNow();
            probe.leave();
            for (SignalingSession session : sessions) {
                session.leave();
            }
        }
    }

    private void joinWithoutConnecting(int member) {
        Listener listener = new Listener();
        try {
            SignalingSession session = signaling.join(callName, member, listener);
            sessions.add(session);
            session.sendOffer(ClientOffer.write(ClientIdentity.generate(random, certificate, false), false,
                    random.nextLong() & Long.MAX_VALUE, 1));
        } catch (SignalingException e) {
            refusals.merge(AttackResult.refusal(e), 1, Integer::sum);
        }
    }

    private AttackResult result(int sent, boolean probed) {
        return new AttackResult(id(), title(), Json.createObjectBuilder()
                .add("joins_sent", sent)
                .add("joined", sessions.size())
                .add("refused_or_failed", refusals.values().stream().mapToInt(Integer::intValue).sum())
                .add("refusals", AttackResult.counts(new TreeMap<>(refusals)))
                .add("answered", answered.get())
                .add("closed_by_server", closures.values().stream().mapToInt(Integer::intValue).sum())
                .add("closures", AttackResult.counts(new TreeMap<>(closures)))
                .add("probe_joined", probed)
                .add("probe_join_to_reply_ms", millis(probe.joinReplyNanos()))
                .add("probe_join_to_answer_ms", millis(probe.joinToAnswerNanos()))
                .add("call_participants_join_to_answer_ms_p50_before", quietJoinToAnswerMillis)
                .add("probe_join_to_connected_ms", millis(probe.joinNanos()))
                .add("probe_failure", probe.failure() == null ? "none" : probe.failure())
                .build());
    }

    private static double millis(long nanos) {
        return nanos < 0 ? -1 : nanos / 1e6;
    }

    /** A half-open session's events: counted, never acted on (it sends no answer and no check). */
    private final class Listener implements SignalingListener {

        @Override
        public void onAnswer(String sdp) {
            answered.incrementAndGet();
        }

        @Override
        public void onOffer(String sdp) {
            // Never answered: this client never connects.
        }

        @Override
        public void onClosed(String reason) {
            closures.merge(reason, 1, Integer::sum);
        }
    }
}
