package dev.calls.load.client;

import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import dev.calls.media.dtls.DtlsCertificate;
import dev.calls.media.srtp.SrtpProfile;

/**
 * What all simulated participants share: the network threads, the scheduler that paces their media and
 * ICE checks, the threads that run their DTLS handshakes, one DTLS certificate (browsers each have their
 * own; sharing it changes nothing for the server, which checks each fingerprint), and the counters.
 *
 * @param decryptEvery every how many received RTP packets one is decrypted and timed (1: all)
 * @param srtpProfiles the SRTP protection profiles the DTLS clients offer, in order of preference
 * @param iceTcp       whether participants connect to the server's ICE-TCP candidate (RFC 6544) instead of UDP
 */
public record ClientContext(PeerNetwork network, ScheduledExecutorService scheduler, ExecutorService handshakes,
        DtlsCertificate certificate, SecureRandom random, ClientStats stats, int decryptEvery,
        MediaShape media, List<SrtpProfile> srtpProfiles, boolean iceTcp) {

    /** The same, counting into {@code separate}: participants whose packets must not mix with the others'. */
    public ClientContext withStats(ClientStats separate) {
        return new ClientContext(network, scheduler, handshakes, certificate, random, separate, decryptEvery, media,
                srtpProfiles, iceTcp);
    }
}
