package dev.calls.load.abuse;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import dev.calls.load.client.ClientIdentity;
import dev.calls.load.client.ClientOffer;
import dev.calls.load.signaling.Signaling;
import dev.calls.load.signaling.SignalingException;
import dev.calls.load.signaling.SignalingListener;
import dev.calls.load.signaling.SignalingSession;
import dev.calls.media.dtls.DtlsCertificate;

/**
 * Row 5, an oversized offer: a signed-in member joins the call in progress and sends the browser offer a
 * speaker sends with {@code offerSsrcs} extra {@code a=ssrc} lines (RFC 5576 §4.1) in its audio section, as
 * if it announced that many sources. Reports the server's reply to the {@code sdp} action (OK, or FAIL with
 * its error id), whether an answer came and after how long, and whether the server closed the session, all
 * within the window.
 */
final class OversizedOffer implements Attack {

    /** The first of the extra sources: ten digits, as a random 32-bit SSRC mostly has. */
    private static final long FIRST_EXTRA_SSRC = 1_000_000_000L;

    private final Signaling signaling;
    private final String callName;
    private final int member;
    private final int ssrcLines;
    private final ClientIdentity identity;
    private final long sdpSessionId;

    OversizedOffer(Signaling signaling, String callName, int member, int ssrcLines, SecureRandom random,
            DtlsCertificate certificate) {
        this.signaling = signaling;
        this.callName = callName;
        this.member = member;
        this.ssrcLines = ssrcLines;
        this.identity = ClientIdentity.generate(random, certificate, false);
        this.sdpSessionId = random.nextLong() & Long.MAX_VALUE;
    }

    /** A speaker's first offer with {@code lines} more {@code a=ssrc} lines at the end of its (last, audio) section. */
    static String offer(ClientIdentity identity, long sessionId, int lines) {
        StringBuilder sdp = new StringBuilder(ClientOffer.write(identity, true, sessionId, 1));
        for (int i = 0; i < lines; i++) {
            sdp.append("a=ssrc:").append(FIRST_EXTRA_SSRC + i).append(" cname:a\r\n");
        }
        return sdp.toString();
    }

    @Override
    public String id() {
        return "oversized_offer";
    }

    @Override
    public String title() {
        return "row 5: offer with many a=ssrc lines";
    }

    @Override
    public AttackResult run(long deadlineNanos) throws InterruptedException {
        String offer = offer(identity, sdpSessionId, ssrcLines);
        JsonObjectBuilder fields = Json.createObjectBuilder()
                .add("ssrc_lines", ssrcLines)
                .add("offer_bytes", offer.getBytes(StandardCharsets.UTF_8).length);
        Outcome outcome = new Outcome();
        SignalingSession session;
        try {
            session = signaling.join(callName, member, outcome);
        } catch (SignalingException e) {
            return new AttackResult(id(), title(), fields.add("join", AttackResult.refusal(e)).build());
        }
        ExecutorService sender = Executors.newSingleThreadExecutor();
        long sent = System.nanoTime();
        try {
            CompletableFuture<String> reply = CompletableFuture.supplyAsync(() -> {
                try {
                    session.sendOffer(offer);
                    return "OK";
                } catch (SignalingException e) {
                    return AttackResult.refusal(e);
                }
            }, sender);
            String replied = within(reply, deadlineNanos);
            if ("OK".equals(replied)) {
                within(outcome.answer, deadlineNanos);
            }
            fields.add("join", "OK")
                    .add("reply", replied == null ? "none within the window" : replied)
                    .add("answer", outcome.answer.isDone() ? "received" : "none within the window")
                    .add("answer_ms", outcome.answer.isDone() ? (outcome.answer.join() - sent) / 1e6 : -1)
                    .add("answer_ssrc_lines", outcome.answerSsrcLines)
                    .add("closed_by_server", outcome.closed == null ? "no" : outcome.closed);
            return new AttackResult(id(), title(), fields.build());
        } finally {
            sender.shutdownNow();
            session.leave();
        }
    }

    /** The future's value, or null when it is not done by the deadline. */
    private static <T> T within(CompletableFuture<T> future, long deadlineNanos) throws InterruptedException {
        try {
            return future.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return null;
        }
    }

    /** The session's events: the answer's arrival and its {@code a=ssrc} lines, or the server closing it. */
    private static final class Outcome implements SignalingListener {

        final CompletableFuture<Long> answer = new CompletableFuture<>();
        volatile int answerSsrcLines = -1;
        volatile String closed;

        @Override
        public void onAnswer(String sdp) {
            answerSsrcLines = (int) sdp.lines().filter(line -> line.startsWith("a=ssrc:")).count();
            answer.complete(System.nanoTime());
        }

        @Override
        public void onOffer(String sdp) {
            // A server offer to a session that never connects: left unanswered, as such a client would.
        }

        @Override
        public void onClosed(String reason) {
            closed = reason;
        }
    }
}
