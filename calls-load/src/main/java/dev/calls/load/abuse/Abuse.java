package dev.calls.load.abuse;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import dev.calls.load.client.ClientContext;
import dev.calls.load.client.ClientStats;
import dev.calls.load.client.ParticipantRole;
import dev.calls.load.client.SimulatedParticipant;
import dev.calls.load.contract.ContractSignaling;
import dev.calls.load.metrics.Percentiles;
import dev.calls.load.signaling.Signaling;
import dev.calls.load.signaling.SignalingException;

/**
 * The abuse scenario's attacks, run at once beside a call in progress for one bounded window: slow HTTP
 * headers, an oversized offer, many WebSockets of one user, half-open joins with a real participant joining
 * meanwhile, and a voice flood. Its accounts are the scenario's users numbered after the call in progress's
 * participants: the offer's member, the WebSockets' user, the half-open joiners and the real joiner are
 * members of the call in progress's channel; the flooder and its listeners have a call of their own.
 * The attackers count into statistics of their own, so that the call in progress's stay its own.
 */
public final class Abuse {

    /** The voice flood's call. */
    static final String FLOOD_CALL = "load-abuse-flood";
    /** The flood's receivers, whose counts of its source tell what the server forwarded. */
    static final int FLOOD_LISTENERS = 2;
    private static final int OFFER_MEMBER = 0;
    private static final int SOCKETS_USER = 1;
    private static final int FIRST_HALF_OPEN = 2;

    private final AbuseOptions options;
    private final ContractSignaling signaling;
    private final URI base;
    private final String callInProgress;
    private final int first;

    Abuse(AbuseOptions options, ContractSignaling signaling, URI base, String callInProgress, int first) {
        this.options = options;
        this.signaling = signaling;
        this.base = base;
        this.callInProgress = callInProgress;
        this.first = first;
    }

    /**
     * The attacks on the server {@code signaling} reaches, beside the call {@code callInProgress}, with
     * accounts numbered from {@code firstParticipant}.
     *
     * @throws SignalingException when the signaling is not a deployed server's contract
     */
    public static Abuse beside(Signaling signaling, AbuseOptions options, String server, String callInProgress,
            int firstParticipant) throws SignalingException {
        if (!(signaling instanceof ContractSignaling contract)) {
            throw new SignalingException("the abuse scenario attacks a deployed server: give --server");
        }
        return new Abuse(options, contract, ContractSignaling.baseOf(server), callInProgress, firstParticipant);
    }

    public int seconds() {
        return options.seconds();
    }

    /** The accounts the attacks need, by call name, for the signaling's preparation. */
    public Map<String, List<Integer>> accounts() {
        Map<String, List<Integer>> byCall = new LinkedHashMap<>();
        List<Integer> members = new ArrayList<>(List.of(number(OFFER_MEMBER), number(SOCKETS_USER)));
        members.addAll(halfOpen());
        members.add(probe());
        byCall.put(callInProgress, members);
        List<Integer> flood = new ArrayList<>();
        flood.add(flooder());
        IntStream.range(0, FLOOD_LISTENERS).forEach(i -> flood.add(flooder() + 1 + i));
        byCall.put(FLOOD_CALL, flood);
        return byCall;
    }

    /**
     * Runs every attack until {@code deadlineNanos}, each on its own thread, and reports what the server did;
     * returns when every attack has released what it opened. The call in progress's participants' join to
     * answer times, from before the attacks, are the half-open joins' point of comparison.
     */
    public AbuseReport run(ClientContext context, List<SimulatedParticipant> callInProgress, long deadlineNanos)
            throws InterruptedException {
        List<Attack> attacks = attacks(context, joinToAnswerP50Millis(callInProgress));
        ExecutorService threads = Executors.newFixedThreadPool(attacks.size());
        try {
            List<Future<AttackResult>> running = new ArrayList<>();
            for (Attack attack : attacks) {
                running.add(threads.submit(() -> attack.run(deadlineNanos)));
            }
            List<AttackResult> results = new ArrayList<>();
            for (int i = 0; i < attacks.size(); i++) {
                try {
                    results.add(running.get(i).get());
                } catch (ExecutionException e) {
                    results.add(AttackResult.failed(attacks.get(i).id(), attacks.get(i).title(), e.getCause()));
                }
            }
            return new AbuseReport(options, results);
        } finally {
            threads.shutdownNow();
        }
    }

    private static double joinToAnswerP50Millis(List<SimulatedParticipant> participants) {
        return Percentiles.of(participants.stream().mapToLong(SimulatedParticipant::joinToAnswerNanos).filter(n -> n >= 0)
                .mapToDouble(n -> n / 1e6).sorted().toArray(), 50);
    }

    private List<Attack> attacks(ClientContext context, double quietJoinToAnswerMillis) {
        ClientContext probeContext = context.withStats(new ClientStats());
        ClientStats floodStats = new ClientStats();
        ClientContext floodContext = context.withStats(floodStats);
        SimulatedParticipant probe = new SimulatedParticipant(probe(), callInProgress,
                new ParticipantRole(false, false, 0), signaling, probeContext);
        SimulatedParticipant flooder = new SimulatedParticipant(flooder(), FLOOD_CALL,
                ParticipantRole.flooding(options.floodRate()), signaling, floodContext);
        List<SimulatedParticipant> listeners = IntStream.range(0, FLOOD_LISTENERS)
                .mapToObj(i -> new SimulatedParticipant(flooder() + 1 + i, FLOOD_CALL, new ParticipantRole(false, false, 0),
                        signaling, floodContext))
                .toList();
        return List.of(
                new SlowHeaders(base, options.slowHeaders(), options.openRate()),
                new OversizedOffer(signaling, callInProgress, number(OFFER_MEMBER), options.offerSsrcs(), context.random(),
                        context.certificate()),
                new WebSocketFlood(signaling, number(SOCKETS_USER), options.webSockets(), options.openRate()),
                new HalfOpenJoins(signaling, callInProgress, halfOpen(), probe, quietJoinToAnswerMillis,
                        options.openRate(), context.random(), context.certificate()),
                new VoiceFlood(flooder, listeners, floodStats, options.floodRate()));
    }

    private int number(int offset) {
        return first + offset;
    }

    private List<Integer> halfOpen() {
        return IntStream.range(0, options.halfOpenJoins()).mapToObj(i -> number(FIRST_HALF_OPEN + i)).toList();
    }

    private int probe() {
        return number(FIRST_HALF_OPEN + options.halfOpenJoins());
    }

    private int flooder() {
        return probe() + 1;
    }
}
