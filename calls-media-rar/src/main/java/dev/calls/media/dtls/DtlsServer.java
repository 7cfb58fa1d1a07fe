package dev.calls.media.dtls;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.TlsTimeoutException;

import org.jboss.logging.Logger;

import dev.calls.media.srtp.DtlsSrtpKeys;

/**
 * The DTLS server of one media session: accepts the browser's DTLS 1.2 handshake, authenticates it by the
 * certificate fingerprint from the browser's SDP and exports the SRTP keys (RFC 5764).
 *
 * <p>Threading: {@link #receive} is called by the UDP receive thread and only copies the datagram into a
 * bounded queue (dropping and counting when it is full), so the receive thread never blocks and never
 * does handshake work. The handshake runs on a task of the given {@link Executor}, which is occupied
 * until the handshake ends (at most the handshake timeout). After the handshake, a DTLS datagram that
 * still arrives (a retransmitted final flight, close_notify, an alert) is processed by a short task on the
 * same executor. Outgoing datagrams go to the {@link DtlsPacketSender}. {@link #close} may be called from
 * any thread and ends a pending handshake promptly.
 */
public final class DtlsServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DtlsServer.class);

    /** Enough for a client flight sent twice over; more than that waiting means something is wrong. */
    static final int QUEUE_CAPACITY = 16;

    private final SrtpTlsServer tlsServer;
    private final DatagramQueue queue;
    private final DtlsListener listener;
    private final Executor executor;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean outcomeReported = new AtomicBoolean();
    private final AtomicBoolean disconnectReported = new AtomicBoolean();
    /** True while a task owns the DTLS state: during the handshake, and while draining afterwards. */
    private final AtomicBoolean draining = new AtomicBoolean(true);
    /** Application data is never expected (no data channels); this only gives BouncyCastle room. */
    private final byte[] ignoredApplicationData = new byte[DatagramQueue.RECEIVE_LIMIT];
    private volatile DTLSTransport connection;
    private volatile boolean closed;

    /**
     * @param certificate        the engine's certificate, whose fingerprint our SDP announced
     * @param remoteFingerprints the fingerprints from the client's SDP (at least one)
     * @param sender             where outgoing datagrams go
     * @param listener           learns the outcome
     * @param executor           runs the handshake and post-handshake tasks; never the UDP receive thread
     * @param handshakeTimeout   upper bound of BouncyCastle's whole handshake
     */
    public DtlsServer(DtlsCertificate certificate, List<DtlsFingerprint> remoteFingerprints, DtlsPacketSender sender,
        DtlsListener listener, Executor executor, Duration handshakeTimeout) {
        if (remoteFingerprints.isEmpty()) {
            throw new IllegalArgumentException("the client's SDP gave no fingerprint");
        }
        long timeoutMillis = handshakeTimeout.toMillis();
        if (timeoutMillis < 1 || timeoutMillis > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("handshake timeout out of range: " + handshakeTimeout);
        }
        this.tlsServer = new SrtpTlsServer(certificate, remoteFingerprints, (int) timeoutMillis);
        this.queue = new DatagramQueue(QUEUE_CAPACITY, sender);
        this.listener = listener;
        this.executor = executor;
    }

    /**
     * Starts waiting for the client's handshake on the executor, unless it has started or the server is
     * closed already. Returns false, and stays unstarted so that it may be tried again, when the executor
     * refuses the task (its threads and queue are full).
     */
    public boolean start() {
        if (!started.compareAndSet(false, true)) {
            return true;
        }
        try {
            executor.execute(this::handshake);
            return true;
        } catch (RejectedExecutionException e) {
            started.set(false);
            return false;
        }
    }

    /**
     * Hands over one received DTLS datagram (RFC 7983: first byte 20..63). Copies it and returns at once;
     * the caller keeps ownership of {@code buf}. Drops the datagram when the queue is full or it is larger
     * than {@value DatagramQueue#RECEIVE_LIMIT} bytes.
     */
    public void receive(byte[] buf, int off, int len) {
        if (queue.offer(buf, off, len) && draining.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                draining.set(false);
            }
        }
    }

    /** How many received datagrams were dropped (queue full, too large, or after close). */
    public long droppedDatagrams() {
        return queue.dropped();
    }

    /**
     * Ends this server: a pending handshake fails promptly (reported as closed), an established
     * connection sends close_notify. Idempotent; may be called from any thread.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (started.compareAndSet(false, true)) {
            reportFailure(HandshakeFailure.CLOSED, "DTLS server closed before it started", null);
        }
        DTLSTransport established = connection;
        if (established != null) {
            closeQuietly(established);
        }
        queue.close();
    }

    private void handshake() {
        DTLSTransport established;
        DtlsSrtpKeys keys;
        try {
            DTLSServerProtocol protocol = new DTLSServerProtocol();
            // ICE connectivity checks have already proved the client owns its address (RFC 8445 §7.2.2),
            // so the HelloVerifyRequest cookie round trip (RFC 6347 §4.2.1) would only add latency.
            protocol.setVerifyRequests(false);
            established = protocol.accept(tlsServer, queue);
            keys = tlsServer.srtpKeys();
        } catch (IOException | RuntimeException e) {
            HandshakeFailure failure = failureOf(e);
            reportFailure(failure, reasonFor(failure, e), e);
            return;
        }
        connection = established;
        if (closed) {
            // close() may have missed the connection: make sure it is closed.
            closeQuietly(established);
            reportFailure(HandshakeFailure.CLOSED, "DTLS server closed before the handshake completed", null);
            return;
        }
        if (outcomeReported.compareAndSet(false, true)) {
            LOG.debugf("DTLS handshake complete, SRTP profile %s", keys.profile());
            listener.onConnected(keys);
        }
        drain();
    }

    /**
     * Feeds queued datagrams through the established connection, so that BouncyCastle retransmits its
     * final flight when the client repeats its own (RFC 6347 §4.2.4) and sees close_notify and alerts.
     * Runs while {@code draining} is held, and hands it back so the next datagram schedules a new task.
     */
    private void drain() {
        DTLSTransport established = connection;
        do {
            try {
                while (queue.hasQueued() && !queue.isClosed()) {
                    established.receive(ignoredApplicationData, 0, ignoredApplicationData.length, 1);
                }
            } catch (IOException | RuntimeException e) {
                reportDisconnect(e);
                return;
            }
            if (queue.isClosed()) {
                reportDisconnect(null);
                return;
            }
            draining.set(false);
        } while (queue.hasQueued() && draining.compareAndSet(false, true));
    }

    private void reportFailure(HandshakeFailure failure, String reason, Throwable cause) {
        if (outcomeReported.compareAndSet(false, true)) {
            LOG.debugf(cause, "DTLS handshake failed: %s", reason);
            listener.onFailed(failure, reason, cause);
        }
    }

    /** After the handshake: BouncyCastle closed the transport or failed, other than through close(). */
    private void reportDisconnect(Throwable cause) {
        if (closed || !disconnectReported.compareAndSet(false, true)) {
            return;
        }
        String reason;
        if (cause instanceof TlsFatalAlertReceived alert) {
            reason = "peer sent DTLS alert " + AlertDescription.getText(alert.getAlertDescription());
        } else if (queue.isClosed()) {
            reason = "peer closed DTLS (close_notify)";
        } else {
            reason = "DTLS connection failed: " + cause;
        }
        queue.close();
        LOG.debugf(cause, "DTLS disconnected: %s", reason);
        listener.onDisconnected(reason);
    }

    private HandshakeFailure failureOf(Throwable e) {
        if (closed) {
            return HandshakeFailure.CLOSED;
        }
        if (tlsServer.rejection() != null) {
            return HandshakeFailure.REFUSED;
        }
        return e instanceof TlsTimeoutException ? HandshakeFailure.TIMED_OUT : HandshakeFailure.FAILED;
    }

    private String reasonFor(HandshakeFailure failure, Throwable e) {
        return switch (failure) {
            case CLOSED -> "DTLS server closed before the handshake completed";
            case REFUSED -> "DTLS handshake refused: " + tlsServer.rejection();
            case TIMED_OUT -> "DTLS handshake timed out";
            case FAILED -> failedReason(e);
        };
    }

    private static String failedReason(Throwable e) {
        if (e instanceof TlsFatalAlertReceived alert) {
            return "DTLS handshake failed: peer sent alert " + AlertDescription.getText(alert.getAlertDescription());
        }
        if (e instanceof TlsFatalAlert alert) {
            return "DTLS handshake failed: " + AlertDescription.getText(alert.getAlertDescription())
                + (alert.getMessage() == null ? "" : " (" + alert.getMessage() + ")");
        }
        return "DTLS handshake failed: " + e;
    }

    private static void closeQuietly(DTLSTransport established) {
        try {
            established.close();
        } catch (IOException | RuntimeException e) {
            LOG.debugf(e, "DTLS close failed");
        }
    }
}
