package dev.calls.media.peer;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The asynchronous peer-connection operations of webrtc-java made blocking with a timeout. libwebrtc
 * completes them on its signaling thread, so these must never be called from a peer-connection callback
 * (that thread would wait for itself).
 */
final class BlockingCalls {

    private BlockingCalls() {
    }

    static RTCSessionDescription createOffer(RTCPeerConnection pc, Duration timeout) {
        CompletableFuture<RTCSessionDescription> result = new CompletableFuture<>();
        pc.createOffer(new RTCOfferOptions(), describedBy(result));
        return await(result, timeout, "createOffer");
    }

    static RTCSessionDescription createAnswer(RTCPeerConnection pc, Duration timeout) {
        CompletableFuture<RTCSessionDescription> result = new CompletableFuture<>();
        pc.createAnswer(new RTCAnswerOptions(), describedBy(result));
        return await(result, timeout, "createAnswer");
    }

    static void setLocalDescription(RTCPeerConnection pc, RTCSessionDescription description, Duration timeout) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        pc.setLocalDescription(description, completing(result));
        await(result, timeout, "setLocalDescription(" + description.sdpType + ")");
    }

    static void setRemoteDescription(RTCPeerConnection pc, RTCSessionDescription description, Duration timeout) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        pc.setRemoteDescription(description, completing(result));
        await(result, timeout, "setRemoteDescription(" + description.sdpType + ")");
    }

    static RTCStatsReport stats(RTCPeerConnection pc, Duration timeout) {
        CompletableFuture<RTCStatsReport> result = new CompletableFuture<>();
        pc.getStats(result::complete);
        return await(result, timeout, "getStats");
    }

    private static CreateSessionDescriptionObserver describedBy(CompletableFuture<RTCSessionDescription> result) {
        return new CreateSessionDescriptionObserver() {
            @Override
            public void onSuccess(RTCSessionDescription description) {
                result.complete(description);
            }

            @Override
            public void onFailure(String error) {
                result.completeExceptionally(new IllegalStateException(error));
            }
        };
    }

    private static SetSessionDescriptionObserver completing(CompletableFuture<Void> result) {
        return new SetSessionDescriptionObserver() {
            @Override
            public void onSuccess() {
                result.complete(null);
            }

            @Override
            public void onFailure(String error) {
                result.completeExceptionally(new IllegalStateException(error));
            }
        };
    }

    private static <T> T await(CompletableFuture<T> result, Duration timeout, String what) {
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + " did not complete within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted", e);
        }
    }
}
