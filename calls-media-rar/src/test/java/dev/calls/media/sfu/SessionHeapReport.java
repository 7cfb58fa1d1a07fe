package dev.calls.media.sfu;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import dev.calls.media.srtp.SrtpProfile;

/**
 * Prints the heap one media session holds, measured rather than estimated: the heap in use after full
 * collections, before and after setting up N sessions through the engine's own code, divided by N. Two
 * stages: sessions that answered the browser's offer and passed ICE, and the same once connected (SRTP
 * contexts) and subscribed to a publisher's voice (server offer, browser answer). The per-call DTLS
 * certificate and the classes are loaded by a warm-up call first, so they are not counted.
 *
 * <p>Run: {@code mvn -pl calls-media-rar -am process-test-classes -Dheap.sessions=1000} (a report, not a test).
 */
public final class SessionHeapReport {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private SessionHeapReport() {
    }

    public static void main(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        try (ConnectedCall warmUp = ConnectedCall.withSubscribers(SrtpProfile.AEAD_AES_128_GCM, 10)) {
            warmUp.publishedSubscriberCount();
        }
        for (SrtpProfile profile : SrtpProfile.values()) {
            try (ConnectedCall call = new ConnectedCall(profile, 1, UnaryOperator.identity())) {
                call.startPublisher();
                long base = usedAfterGc();
                List<Participant> answered = new ArrayList<>();
                for (int i = 0; i < sessions; i++) {
                    answered.add(call.answered(ConnectedCall.SUBSCRIBER_OFFER, "Rb7q"));
                }
                long afterAnswer = usedAfterGc();
                for (Participant participant : answered) {
                    call.connect(participant);
                }
                long afterConnect = usedAfterGc();
                System.out.printf("[heap] %s, %d sessions: answered + ICE %,d B/session; connected + subscribed "
                        + "%,d B/session (publisher's track now has %d subscribers)%n", profile, sessions,
                        (afterAnswer - base) / sessions, (afterConnect - base) / sessions,
                        call.publishedSubscriberCount());
            }
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, MEMORY.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
