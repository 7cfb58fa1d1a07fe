package dev.calls.load.abuse;

import java.net.http.WebSocketHandshakeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import jakarta.json.Json;

import dev.calls.load.contract.ContractSignaling;
import dev.calls.load.contract.SignalingSocket;

/**
 * Row 6, many WebSockets of one user: opens them at the pace's rate, each authenticated with the user's
 * token, and holds them to the end of the window. Reports how many the server accepted ({@code hello}
 * arrived), refused (the upgrade answered with an HTTP error, or closed before {@code hello}), closed after
 * accepting them, and left unanswered; with the number of the first refusal, which shows a per-user cap.
 */
final class WebSocketFlood implements Attack {

    private final ContractSignaling signaling;
    private final int user;
    private final int count;
    private final int openRate;

    WebSocketFlood(ContractSignaling signaling, int user, int count, int openRate) {
        this.signaling = signaling;
        this.user = user;
        this.count = count;
        this.openRate = openRate;
    }

    @Override
    public String id() {
        return "websockets_of_one_user";
    }

    @Override
    public String title() {
        return "row 6: many WebSockets of one user";
    }

    @Override
    public AttackResult run(long deadlineNanos) throws InterruptedException {
        OpenPace pace = new OpenPace(openRate, System.nanoTime(), deadlineNanos);
        List<CompletableFuture<SignalingSocket>> opened = new ArrayList<>();
        try {
            while (opened.size() < count && pace.awaitTurn(opened.size())) {
                opened.add(signaling.openSocket(user));
            }
            pace.awaitDeadline();
            return result(opened);
        } finally {
            for (CompletableFuture<SignalingSocket> socket : opened) {
                socket.thenAccept(SignalingSocket::close);
            }
        }
    }

    private AttackResult result(List<CompletableFuture<SignalingSocket>> opened) throws InterruptedException {
        int accepted = 0;
        int closedLater = 0;
        int unanswered = 0;
        int firstRefused = -1;
        Map<String, Integer> refusals = new TreeMap<>();
        Map<String, Integer> closeCodes = new TreeMap<>();
        for (int i = 0; i < opened.size(); i++) {
            CompletableFuture<SignalingSocket> socket = opened.get(i);
            if (!socket.isDone()) {
                unanswered++;
                continue;
            }
            try {
                SignalingSocket open = socket.get();
                accepted++;
                if (open.closedFuture().isDone()) {
                    closedLater++;
                    closeCodes.merge(Integer.toString(open.closeCode()), 1, Integer::sum);
                }
            } catch (ExecutionException e) {
                refusals.merge(refusal(e.getCause()), 1, Integer::sum);
                if (firstRefused < 0) {
                    firstRefused = i + 1;
                }
            }
        }
        return new AttackResult(id(), title(), Json.createObjectBuilder()
                .add("opened", opened.size())
                .add("accepted", accepted)
                .add("refused", refusals.values().stream().mapToInt(Integer::intValue).sum())
                .add("first_refused_number", firstRefused)
                .add("refusals", AttackResult.counts(refusals))
                .add("closed_after_accepting", closedLater)
                .add("close_codes", AttackResult.counts(closeCodes))
                .add("unanswered_at_end", unanswered)
                .add("still_open_at_end", accepted - closedLater)
                .build());
    }

    /** How the server said no: the upgrade's HTTP status, or the close (code and reason) before hello. */
    static String refusal(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof WebSocketHandshakeException handshake) {
            return "HTTP " + handshake.getResponse().statusCode();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
