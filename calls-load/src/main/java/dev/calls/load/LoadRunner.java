package dev.calls.load;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

import org.HdrHistogram.Histogram;
import org.jboss.logging.Logger;

import dev.calls.load.abuse.Abuse;
import dev.calls.load.abuse.AbuseReport;
import dev.calls.load.client.ClientContext;
import dev.calls.load.client.ClientStats;
import dev.calls.load.client.MediaShape;
import dev.calls.load.client.ParticipantRole;
import dev.calls.load.client.PeerNetwork;
import dev.calls.load.client.SharedAddresses;
import dev.calls.load.client.SimulatedParticipant;
import dev.calls.load.metrics.MachineReference;
import dev.calls.load.metrics.Percentiles;
import dev.calls.load.metrics.ProcFiles;
import dev.calls.load.signaling.ServerMetrics;
import dev.calls.load.signaling.Signaling;
import dev.calls.load.signaling.SignalingException;
import dev.calls.media.api.EngineStats;
import dev.calls.media.dtls.DtlsCertificate;

/**
 * Runs one load scenario against a {@link Signaling}: prepares the participants' accounts and channels,
 * joins every participant over the ramp-up (round robin over the calls, speakers and sharers of each call
 * first), waits until every renegotiation has settled, then measures a window of the configured duration
 * and leaves. Only the window counts for
 * rates, loss, latency and CPU; joins are measured on their own. The abuse scenario adds a second window
 * after it, in which {@link Abuse}'s attacks run beside the call in progress, whose media is measured there
 * as in the first, quiet window. The uplink-loss scenario adds {@link UplinkTrial}'s two phases after it.
 */
public final class LoadRunner {

    private static final Logger LOG = Logger.getLogger(LoadRunner.class);
    private static final int SOCKET_RECEIVE_BUFFER = 1 << 20;
    private static final int FAILURES_REPORTED = 5;
    /**
     * The window is read in slices this long, each with its own latency p99, so that a miss shows whether it
     * came from a few seconds (a collection, the JIT, a busy neighbour) or from all of them.
     */
    static final long SLICE_MILLIS = 5000;
    /** Significant digits of the window's latency histogram, as the clients' recorder keeps them. */
    static final int LATENCY_DIGITS = 3;

    private final LoadOptions options;
    private final Signaling signaling;
    private final boolean serverInProcess;

    public LoadRunner(LoadOptions options, Signaling signaling, boolean serverInProcess) {
        this.options = options;
        this.signaling = signaling;
        this.serverInProcess = serverInProcess;
    }

    /**
     * Runs the scenario and leaves.
     *
     * @throws SignalingException when the signaling cannot prepare the participants (accounts, channels)
     */
    public LoadReport run() throws IOException, InterruptedException, SignalingException {
        ServerMetrics server = signaling.serverMetrics();
        ClientStats stats = new ClientStats();
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, named("load-timer"));
        ExecutorService handshakes = Executors.newFixedThreadPool(options.handshakeThreads(), named("load-dtls"));
        ExecutorService joins = Executors.newFixedThreadPool(options.joinThreads(), named("load-join"));
        ScheduledExecutorService uplinkTimer = Executors.newSingleThreadScheduledExecutor(named("load-uplink"));
        SharedAddresses addresses = options.sharedAddresses();
        String receiveThread = addresses == null ? null : addresses.receiveThreadName();
        try (PeerNetwork network = new PeerNetwork(options.networkThreads(), SOCKET_RECEIVE_BUFFER, addresses,
                options.networkPriority())) {
            ClientContext context = new ClientContext(network, scheduler, handshakes, DtlsCertificate.generate(),
                    new SecureRandom(), stats, options.decryptEvery(), MediaShape.defaults(), options.srtpProfiles(),
                    options.iceTcp());
            List<SimulatedParticipant> participants = participants(context);
            Map<String, List<Integer>> accounts = participants.stream().collect(Collectors.groupingBy(
                    SimulatedParticipant::callName, LinkedHashMap::new,
                    Collectors.mapping(SimulatedParticipant::index, Collectors.toCollection(ArrayList::new))));
            Abuse abuse = options.scenario() != Scenario.ABUSE ? null : Abuse.beside(signaling, options.abuse(),
                    options.server(), participants.get(0).callName(), participants.size());
            if (abuse != null) {
                abuse.accounts().forEach((call, members) -> accounts.computeIfAbsent(call, c -> new ArrayList<>())
                        .addAll(members));
            }
            UplinkTrial uplink = options.scenario() != Scenario.UPLINK_LOSS ? null
                    : new UplinkTrial(options.uplink(), uplinkTimer);
            if (uplink != null) {
                uplink.prepare(participants);
            }
            signaling.prepare(accounts);
            MachineReference reference = MachineReference.measure();
            double loadBefore = ProcFiles.loadAverage();
            long heapBefore = server.heapAfterGcBytes();
            long rssBefore = server.rssBytes();
            WindowCounters joinsBegin = WindowCounters.now(participants, stats, server, receiveThread);
            long joinStart = joinsBegin.nanos();
            LatencySlices joinLatency = new LatencySlices(stats::latencySinceLastCall, joinStart);
            rampUp(participants, scheduler, joins);
            awaitJoins(participants, joinStart, joinLatency);
            awaitStreams(participants, joinLatency);

            WindowCounters start = WindowCounters.now(participants, stats, server, receiveThread);
            joinLatency.slice(start.nanos());
            PhaseMedia duringJoins = PhaseMedia.between(joinsBegin, start, joinLatency.finish(),
                    joinLatency.p99s());
            network.readDelaySinceLastCall();
            LatencySlices windowLatency = new LatencySlices(stats::latencySinceLastCall, start.nanos());
            long end = start.nanos() + TimeUnit.SECONDS.toNanos(options.durationSeconds());
            while (System.nanoTime() < end) {
                Thread.sleep(Math.min(SLICE_MILLIS,
                        Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()))));
                WindowCounters now = WindowCounters.now(participants, stats, server, receiveThread);
                double sliceP99 = windowLatency.slice(now.nanos());
                double elapsed = (now.nanos() - start.nanos()) / 1e9;
                LOG.infof("%.0f s: %.0f packets/s forwarded, latency p99 of the last slice %.0f us", elapsed,
                        (now.forwarded() - start.forwarded()) / elapsed, sliceP99);
            }
            WindowCounters finish = WindowCounters.now(participants, stats, server, receiveThread);
            Histogram latency = windowLatency.finish();
            Histogram readDelay = network.readDelaySinceLastCall();
            long heapAfter = server.heapAfterGcBytes();
            long rssAfter = server.rssBytes();
            double loadAfter = ProcFiles.loadAverage();
            long sendFailures = participants.stream().mapToLong(SimulatedParticipant::sendFailures).sum();
            int silent = (int) participants.stream().filter(p -> p.isConnected() && sources(p, participants) > 0
                    && finish.receivedBy(p.index()) == start.receivedBy(p.index())).count();
            AbuseOutcome abused = abuse == null ? null
                    : abuseWindow(abuse, context, participants, stats, server, receiveThread,
                            PhaseMedia.between(start, finish, latency, windowLatency.p99s()));
            UplinkOutcome impaired = uplink == null ? null : uplink.run(participants);
            for (SimulatedParticipant participant : participants) {
                participant.leave();
            }
            return report(participants, duringJoins, start, finish, latency, windowLatency.p99s(), readDelay,
                    heapBefore, heapAfter, rssBefore, rssAfter, reference, loadBefore, loadAfter, sendFailures, silent,
                    server.method(), network.describe(), abused, impaired);
        } finally {
            scheduler.shutdownNow();
            handshakes.shutdownNow();
            joins.shutdownNow();
            uplinkTimer.shutdownNow();
        }
    }

    /**
     * The abuse scenario's second window: the attacks run beside the call in progress for their bounded time
     * while its media is measured as in the quiet window; the window ends at the attacks' deadline, before
     * they release what they opened.
     */
    private static AbuseOutcome abuseWindow(Abuse abuse, ClientContext context, List<SimulatedParticipant> participants,
            ClientStats stats, ServerMetrics server, String receiveThread, PhaseMedia quiet)
            throws InterruptedException {
        WindowCounters begin = WindowCounters.now(participants, stats, server, receiveThread);
        LatencySlices latency = new LatencySlices(stats::latencySinceLastCall, begin.nanos());
        long deadline = begin.nanos() + TimeUnit.SECONDS.toNanos(abuse.seconds());
        ExecutorService attacker = Executors.newSingleThreadExecutor(named("load-abuse"));
        try {
            Future<AbuseReport> attacks = attacker.submit(() -> abuse.run(context, participants, deadline));
            while (System.nanoTime() < deadline) {
                Thread.sleep(Math.max(1, Math.min(100, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()))));
                latency.sliceIfDue(System.nanoTime());
            }
            WindowCounters end = WindowCounters.now(participants, stats, server, receiveThread);
            PhaseMedia during = PhaseMedia.between(begin, end, latency.finish(), latency.p99s());
            LOG.infof("abuse window over: loss %.2f %% (quiet %.2f %%), latency p99 %.0f us (quiet %.0f us)",
                    during.lossPercent(), quiet.lossPercent(), during.latencyP99Micros(), quiet.latencyP99Micros());
            return new AbuseOutcome(quiet, during, attacks.get());
        } catch (ExecutionException e) {
            throw new IllegalStateException("the attacks failed: " + e.getCause(), e.getCause());
        } finally {
            attacker.shutdownNow();
        }
    }

    private List<SimulatedParticipant> participants(ClientContext context) {
        List<SimulatedParticipant> participants = new ArrayList<>();
        for (int p = 0; p < options.participants(); p++) {
            for (int c = 0; c < options.calls(); c++) {
                boolean speaker = p < options.speakers();
                long phase = speaker ? options.speakerPhase().offsetNanos(p, options.speakers(),
                        SimulatedParticipant.AUDIO_FRAME_NANOS, context.random()) : 0;
                ParticipantRole role = new ParticipantRole(speaker, options.screen() && p == 0, phase);
                participants.add(new SimulatedParticipant(participants.size(), "load-call-" + c, role, signaling, context));
            }
        }
        return participants;
    }

    private void rampUp(List<SimulatedParticipant> participants, ScheduledExecutorService scheduler, ExecutorService joins) {
        long spacingNanos = (long) (options.rampUpSeconds() * 1e9 / participants.size());
        for (int i = 0; i < participants.size(); i++) {
            SimulatedParticipant participant = participants.get(i);
            scheduler.schedule(() -> joins.execute(participant::join), i * spacingNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Until every participant is connected or failed; joins still pending after the ramp-up plus 30 s fail. */
    private void awaitJoins(List<SimulatedParticipant> participants, long joinStart, LatencySlices latency)
            throws InterruptedException {
        long deadline = joinStart + (long) (options.rampUpSeconds() * 1e9) + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline
                && participants.stream().anyMatch(p -> !p.isConnected() && p.failure() == null)) {
            Thread.sleep(100);
            latency.sliceIfDue(System.nanoTime());
        }
        long connected = participants.stream().filter(SimulatedParticipant::isConnected).count();
        LOG.infof("%d of %d participants connected after %.1f s", connected, participants.size(),
                (System.nanoTime() - joinStart) / 1e9);
    }

    /** Until each connected participant receives every connected sender of its call but itself (or --settle). */
    private void awaitStreams(List<SimulatedParticipant> participants, LatencySlices latency)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.settleSeconds());
        while (System.nanoTime() < deadline && !participants.stream().allMatch(p -> receivesAll(p, participants))) {
            Thread.sleep(100);
            latency.sliceIfDue(System.nanoTime());
        }
        long connected = participants.stream().filter(SimulatedParticipant::isConnected).count();
        long complete = participants.stream().filter(p -> p.isConnected() && receivesAll(p, participants)).count();
        LOG.infof("%d of %d connected participants receive every source of their call", complete, connected);
    }

    private static boolean receivesAll(SimulatedParticipant participant, List<SimulatedParticipant> all) {
        return !participant.isConnected() || participant.streams().length >= sources(participant, all);
    }

    /** The streams the connected senders of its call but itself send. */
    private static int sources(SimulatedParticipant participant, List<SimulatedParticipant> all) {
        int sources = 0;
        for (SimulatedParticipant other : all) {
            if (other != participant && other.isConnected() && other.callName().equals(participant.callName())) {
                sources += (other.role().speaker() ? 1 : 0) + (other.role().sharer() ? 1 : 0);
            }
        }
        return sources;
    }

    private LoadReport report(List<SimulatedParticipant> participants, PhaseMedia duringJoins,
            WindowCounters start, WindowCounters finish, Histogram latency, List<Double> sliceP99s, Histogram readDelay, long heapBefore, long heapAfter,
            long rssBefore, long rssAfter, MachineReference reference, double loadBefore, double loadAfter,
            long sendFailures, int silentReceivers, String serverMethod, String clientSockets, AbuseOutcome abuse,
            UplinkOutcome uplink) {
        double seconds = (finish.nanos() - start.nanos()) / 1e9;
        long forwarded = finish.forwarded() - start.forwarded();
        long received = finish.received() - start.received();
        long serverOut = start.serverPacketsOut() < 0 || finish.serverPacketsOut() < 0 ? -1
                : finish.serverPacketsOut() - start.serverPacketsOut();
        int connected = (int) participants.stream().filter(SimulatedParticipant::isConnected).count();
        double[] joinMillis = millis(participants, SimulatedParticipant::joinNanos);
        double[] replyMillis = millis(participants, SimulatedParticipant::joinReplyNanos);
        double[] mediaMillis = millis(participants, SimulatedParticipant::joinToMediaNanos);
        List<String> failures = participants.stream().map(SimulatedParticipant::failure).filter(f -> f != null)
                .limit(FAILURES_REPORTED).toList();
        double serverCpu = start.serverCpuNanos() < 0 ? -1 : (finish.serverCpuNanos() - start.serverCpuNanos()) / 1e9;
        double processCpu = (finish.processCpuNanos() - start.processCpuNanos()) / 1e9;
        double toolCpu = serverInProcess ? processCpu - serverCpu : processCpu;
        double softirq = start.softirqNanos() < 0 || finish.softirqNanos() < 0 ? -1
                : (finish.softirqNanos() - start.softirqNanos()) / 1e9;
        double clientReceive = start.clientReceiveCpuNanos() < 0 || finish.clientReceiveCpuNanos() < 0 ? -1
                : (finish.clientReceiveCpuNanos() - start.clientReceiveCpuNanos()) / 1e9;
        EngineStats.Latency forwarding = finish.serverForwarding();
        long forwardingCount = forwarding.count() - start.serverForwarding().count();
        return new LoadReport(options, serverMethod, machine(), reference, clientSockets, loadBefore, loadAfter,
                participants.size(), connected, failures, replyMillis.length, Percentiles.of(replyMillis, 50), Percentiles.of(replyMillis, 99),
                Percentiles.of(joinMillis, 50), Percentiles.of(joinMillis, 99),
                joinMillis.length == 0 ? -1 : joinMillis[joinMillis.length - 1], mediaMillis.length,
                Percentiles.of(mediaMillis, 50), Percentiles.of(mediaMillis, 99), duringJoins, seconds,
                (finish.sent() - start.sent()) / seconds, forwarded / seconds, received / seconds,
                serverOut < 0 ? -1 : serverOut / seconds, silentReceivers,
                WindowCounters.lossPercent(forwarded, received),
                latency.getTotalCount(), Percentiles.micros(latency, 50), Percentiles.micros(latency, 99),
                latency.getTotalCount() == 0 ? -1 : latency.getMaxValue() / 1e3, sliceP99s, Percentiles.micros(readDelay, 99),
                finish.authFailures() - start.authFailures(), finish.corrupted() - start.corrupted(), sendFailures,
                forwardingCount <= 0 ? -1
                        : (forwarding.totalNanos() - start.serverForwarding().totalNanos()) / 1e3 / forwardingCount,
                forwarding.count() == 0 ? -1 : forwarding.p50Nanos() / 1e3,
                forwarding.count() == 0 ? -1 : forwarding.p99Nanos() / 1e3,
                serverCpu, softirq, clientReceive, toolCpu, perParticipantKb(heapBefore, heapAfter, connected),
                perParticipantKb(rssBefore, rssAfter, connected), abuse, uplink);
    }

    private static double[] millis(List<SimulatedParticipant> participants, ToLongFunction<SimulatedParticipant> nanos) {
        return participants.stream().mapToLong(nanos).filter(n -> n >= 0).mapToDouble(n -> n / 1e6).sorted().toArray();
    }

    private static double perParticipantKb(long before, long after, int participants) {
        return before < 0 || after < 0 || participants == 0 ? -1 : Math.max(0, after - before) / 1024.0 / participants;
    }

    private static String machine() {
        return Runtime.getRuntime().availableProcessors() + " CPUs, Java " + System.getProperty("java.runtime.version")
                + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        };
    }
}
