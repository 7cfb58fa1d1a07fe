package dev.calls.media.dtls;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import dev.calls.media.srtp.DtlsSrtpKeys;

/** Records what a {@link DtlsServer} reports, for tests. */
final class RecordingListener implements DtlsListener {

    final CompletableFuture<DtlsSrtpKeys> connected = new CompletableFuture<>();
    final CompletableFuture<String> failed = new CompletableFuture<>();
    final CompletableFuture<HandshakeFailure> failure = new CompletableFuture<>();
    final CompletableFuture<String> disconnected = new CompletableFuture<>();
    final AtomicInteger outcomes = new AtomicInteger();

    @Override
    public void onConnected(DtlsSrtpKeys keys) {
        outcomes.incrementAndGet();
        connected.complete(keys);
    }

    @Override
    public void onFailed(HandshakeFailure kind, String reason, Throwable cause) {
        outcomes.incrementAndGet();
        failure.complete(kind);
        failed.complete(reason);
    }

    @Override
    public void onDisconnected(String reason) {
        disconnected.complete(reason);
    }
}
