package dev.calls.load.abuse;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import dev.calls.load.client.ClientContext;
import dev.calls.load.client.ClientStats;
import dev.calls.load.client.MediaShape;
import dev.calls.load.client.PeerNetwork;
import dev.calls.load.signaling.InProcessSignaling;
import dev.calls.media.dtls.DtlsCertificate;
import dev.calls.media.srtp.SrtpProfile;

/** The media engine in this JVM and what simulated participants need to reach it: the attacks' real peer in unit tests. */
final class InProcessCall implements AutoCloseable {

    final InProcessSignaling signaling;
    final ClientStats stats = new ClientStats();
    final ClientContext context;
    private final PeerNetwork network;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final ExecutorService handshakes = Executors.newFixedThreadPool(2);

    InProcessCall() throws IOException, InterruptedException {
        signaling = new InProcessSignaling(1, "127.0.0.1");
        network = new PeerNetwork(1, 1 << 20, null, 0);
        context = new ClientContext(network, scheduler, handshakes, DtlsCertificate.generate(), new SecureRandom(), stats, 1,
                MediaShape.defaults(), List.of(SrtpProfile.AEAD_AES_128_GCM), false);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        handshakes.shutdownNow();
        network.close();
        signaling.close();
    }
}
