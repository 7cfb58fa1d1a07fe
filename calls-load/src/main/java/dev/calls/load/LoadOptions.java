package dev.calls.load;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.calls.load.abuse.AbuseOptions;
import dev.calls.load.client.SharedAddresses;
import dev.calls.load.client.SpeakerPhase;
import dev.calls.load.client.UplinkImpairment;
import dev.calls.load.contract.ContractSignaling;
import dev.calls.media.srtp.SrtpProfile;

/**
 * The load tool's options: a {@link Scenario} and what the command line changes of it. Parsed from
 * {@code --name value} pairs; {@link #USAGE} lists them with their defaults.
 */
public record LoadOptions(Scenario scenario, int calls, int participants, int speakers, boolean screen,
        int durationSeconds, double rampUpSeconds, int settleSeconds, int decryptEvery, int networkThreads,
        int networkPriority, boolean sharedSockets, String clientNamespace, int engineSockets, int handshakeThreads,
        int joinThreads, List<SrtpProfile> srtpProfiles, SpeakerPhase speakerPhase, String jsonFile,
        String server, String adminUser, String adminPassword, long serverPid, AbuseOptions abuse,
        UplinkOptions uplink, boolean iceTcp) {

    /** The environment variable the server takes its first administrator's password from (README). */
    static final String ADMIN_PASSWORD_VARIABLE = "CALLS_ADMIN_PASSWORD";

    private static final Set<String> ABUSE_OPTIONS = Set.of("abuse-seconds", "abuse-open-rate", "slow-headers",
            "websockets", "half-open-joins", "offer-ssrcs", "flood-rate");
    private static final Set<String> UPLINK_OPTIONS = Set.of("uplink-loss", "uplink-delay", "uplink-jitter",
            "uplink-seed", "lossy-seconds", "clean-seconds");

    static final String USAGE = """
            usage: java -jar calls-load/target/calls-load.jar [options]
              --scenario NAME        speakers | screen | many-calls | one-to-one | join-storm | abuse |
                                     uplink-loss (default speakers)
              --participants N       participants per call (scenario's default)
              --calls N              calls (scenario's default)
              --speakers N           unmuted speakers per call (scenario's default)
              --screen-share B       true: one participant per call shares a screen (scenario's default)
              --duration S           measurement window in seconds (default 30)
              --ramp-up S            joins spread over this many seconds (scenario's default)
              --settle S             longest wait for every renegotiation after the joins (default 20)
              --decrypt-every N      decrypt and time every Nth received packet (default 1: all)
              --network-threads N    the tool's socket threads (default 2)
              --network-priority N   their real-time (SCHED_RR) priority, as the server's media threads',
                                     where permitted; 0: ordinary threads (default 10)
              --shared-sockets B     true: with a server on an IPv4 address of this machine, participants
                                     have addresses of their own in 127.64.0.0/10 on one socket per
                                     network thread (Linux x86_64); false: a socket each (default true)
              --client-namespace NAME
                                     the shared sockets' participants live in this network namespace, made
                                     by calls-load/src/main/sh/client-namespace.sh, as on a machine of their
                                     own; the in-process engine then binds this machine's interface address
                                     (default: none, loopback)
              --engine-sockets N     UDP sockets (receive threads) of the in-process engine (default 2)
              --transport T          udp: participants send media to the server's UDP candidate; tcp: they
                                     connect to its ICE-TCP candidate (RFC 6544), as browsers whose UDP is
                                     blocked do, each with a thread of its own (default udp)
              --handshake-threads N  the tool's DTLS handshake threads (default 8)
              --join-threads N       joins (and setup requests) running at once (default 32)
              --srtp-profiles LIST   profiles the clients offer, comma-separated, in order
                                     (default AEAD_AES_128_GCM,AES_CM_128_HMAC_SHA1_80 as Chrome)
              --speaker-phase P      where in the 20 ms frame each speaker sends: random | spread
                                     (evenly apart) | aligned (all at once) (default random)
              --json FILE            also write the report as JSON to FILE
              --server URL           a running server, e.g. http://localhost:8080: sign in and join through
                                     its REST API and WebSocket (without it: the engine runs in this JVM)
              --admin-user NAME      its system administrator (default admin)
              --admin-password PW    the administrator's password (default: $CALLS_ADMIN_PASSWORD)
              --server-pid PID       the server's process on this machine: its CPU, RSS and heap are measured
            The abuse scenario (--server on this machine's loopback only): after the window (--duration, the
            quiet window), a second window of attacks beside the call in progress, each bounded:
              --abuse-seconds S      the attacks' window (default 20)
              --abuse-open-rate N    connections, WebSockets or joins each attack opens per second (default 50)
              --slow-headers N       connections sending request header bytes one a second, never ending (default 200)
              --websockets N         WebSockets one user opens and authenticates (default 300)
              --half-open-joins N    joins with an offer that never connect, one user each (default 100)
              --offer-ssrcs N        a=ssrc lines in one member's offer (default 600)
              --flood-rate N         audio packets per second of one participant (default 4000; Opus: 50)
            The uplink-loss scenario: after the window, the sharer's uplink is impaired in this tool for
            --lossy-seconds, then clean for --clean-seconds (measured from 1 s after the impairment is lifted),
            first with the server's NACKs unanswered (repair off), then answered (repair on):
              --uplink-loss PCT      packets lost at random on the sharer's uplink (default 5)
              --uplink-delay MS      their delay (default 100)
              --uplink-jitter MS     plus or minus this, uniformly (default 30)
              --uplink-seed N        the seed of the losses and delays, the same in both phases (default 1)
              --lossy-seconds S      how long the uplink is impaired in each phase (default 15)
              --clean-seconds S      how long the clean path is measured in each phase (default 10)
            See docs/benchmarks.md.
            """;

    public static LoadOptions parse(String... args) {
        return parseWithDefaultPassword(System.getenv(ADMIN_PASSWORD_VARIABLE), args);
    }

    /** As {@link #parse(String...)}, with the administrator's password to use when none is given. */
    static LoadOptions parseWithDefaultPassword(String defaultAdminPassword, String... args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got '" + name + "'");
            }
            given.put(name.substring(2), args[++i]);
        }
        Scenario scenario = Scenario.named(given.getOrDefault("scenario", Scenario.SPEAKERS.id));
        LoadOptions options = new LoadOptions(scenario,
                number(given, "calls", scenario.calls),
                number(given, "participants", scenario.participants),
                number(given, "speakers", scenario.speakers),
                Boolean.parseBoolean(given.getOrDefault("screen-share", Boolean.toString(scenario.screen))),
                number(given, "duration", 30),
                Double.parseDouble(given.getOrDefault("ramp-up", Integer.toString(scenario.rampUpSeconds))),
                number(given, "settle", 20),
                number(given, "decrypt-every", 1),
                number(given, "network-threads", 2),
                number(given, "network-priority", 10),
                Boolean.parseBoolean(given.getOrDefault("shared-sockets", "true")),
                given.get("client-namespace"),
                number(given, "engine-sockets", 2),
                number(given, "handshake-threads", 8),
                number(given, "join-threads", 32),
                profiles(given.getOrDefault("srtp-profiles", "AEAD_AES_128_GCM,AES_CM_128_HMAC_SHA1_80")),
                SpeakerPhase.named(given.getOrDefault("speaker-phase", SpeakerPhase.RANDOM.id())),
                given.get("json"),
                given.get("server"),
                given.getOrDefault("admin-user", "admin"),
                given.getOrDefault("admin-password", defaultAdminPassword),
                Long.parseLong(given.getOrDefault("server-pid", "-1")),
                abuse(given),
                uplink(given),
                transport(given.getOrDefault("transport", "udp")));
        for (String name : given.keySet()) {
            if (!USAGE.contains("--" + name + " ")) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
        }
        if (options.participants < 1 || options.calls < 1 || options.speakers < 0 || options.speakers > options.participants
                || options.durationSeconds < 1 || options.decryptEvery < 1 || options.joinThreads < 1
                || options.networkPriority < 0 || options.networkPriority > 99) {
            throw new IllegalArgumentException("options out of range: " + options);
        }
        if (options.clientNamespace != null) {
            if (!options.sharedSockets) {
                throw new IllegalArgumentException("--client-namespace needs shared sockets (--shared-sockets true)");
            }
            SharedAddresses.inNamespace(options.clientNamespace); // refuses what is not a namespace's name
        }
        if (options.server != null) {
            ContractSignaling.baseOf(options.server);
        }
        if (options.server != null && options.adminPassword == null) {
            throw new IllegalArgumentException("--server needs --admin-password (or $" + ADMIN_PASSWORD_VARIABLE + ")");
        }
        if (scenario == Scenario.ABUSE) {
            if (options.server == null) {
                throw new IllegalArgumentException("--scenario abuse needs --server");
            }
            AbuseOptions.requireLoopback(ContractSignaling.baseOf(options.server));
        } else if (given.keySet().stream().anyMatch(ABUSE_OPTIONS::contains)) {
            throw new IllegalArgumentException("--abuse-seconds, --abuse-open-rate, --slow-headers, --websockets, "
                    + "--half-open-joins, --offer-ssrcs and --flood-rate need --scenario abuse");
        }
        if (scenario == Scenario.UPLINK_LOSS && options.decryptEvery != 1) {
            throw new IllegalArgumentException("--scenario uplink-loss reads every frame: --decrypt-every 1");
        }
        if (scenario != Scenario.UPLINK_LOSS && given.keySet().stream().anyMatch(UPLINK_OPTIONS::contains)) {
            throw new IllegalArgumentException("--uplink-loss, --uplink-delay, --uplink-jitter, --uplink-seed, "
                    + "--lossy-seconds and --clean-seconds need --scenario uplink-loss");
        }
        if (options.server == null && (given.containsKey("server-pid") || given.containsKey("admin-user")
                || given.containsKey("admin-password"))) {
            throw new IllegalArgumentException("--server-pid, --admin-user and --admin-password need --server");
        }
        return options;
    }

    private static AbuseOptions abuse(Map<String, String> given) {
        AbuseOptions defaults = AbuseOptions.DEFAULTS;
        return new AbuseOptions(number(given, "abuse-seconds", defaults.seconds()),
                number(given, "abuse-open-rate", defaults.openRate()),
                number(given, "slow-headers", defaults.slowHeaders()),
                number(given, "websockets", defaults.webSockets()),
                number(given, "half-open-joins", defaults.halfOpenJoins()),
                number(given, "offer-ssrcs", defaults.offerSsrcs()),
                number(given, "flood-rate", defaults.floodRate()));
    }

    private static UplinkOptions uplink(Map<String, String> given) {
        UplinkOptions defaults = UplinkOptions.DEFAULTS;
        return new UplinkOptions(new UplinkImpairment.Shape(
                Double.parseDouble(given.getOrDefault("uplink-loss", Double.toString(defaults.shape().lossPercent()))),
                number(given, "uplink-delay", defaults.shape().delayMillis()),
                number(given, "uplink-jitter", defaults.shape().jitterMillis()),
                Long.parseLong(given.getOrDefault("uplink-seed", Long.toString(defaults.shape().seed())))),
                number(given, "lossy-seconds", defaults.lossySeconds()),
                number(given, "clean-seconds", defaults.cleanSeconds()));
    }

    /** Whether participants use ICE-TCP: {@code udp} or {@code tcp}. */
    private static boolean transport(String name) {
        return switch (name) {
            case "udp" -> false;
            case "tcp" -> true;
            default -> throw new IllegalArgumentException("--transport is udp or tcp, not " + name);
        };
    }

    private static List<SrtpProfile> profiles(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).map(SrtpProfile::valueOf).toList();
    }

    private static int number(Map<String, String> given, String name, int fallback) {
        String value = given.get(name);
        return value == null ? fallback : Integer.parseInt(value);
    }

    /** The shared sockets' participant addresses: null for a socket each. */
    public SharedAddresses sharedAddresses() {
        if (!sharedSockets) {
            return null;
        }
        return clientNamespace == null ? SharedAddresses.LOOPBACK : SharedAddresses.inNamespace(clientNamespace);
    }

    /**
     * The address the in-process engine binds: loopback for participants on loopback; the wildcard for
     * participants in a network namespace, whose loopback is their own, so that the engine advertises and
     * binds an interface address they reach.
     */
    public String engineBindAddress() {
        return clientNamespace == null ? "127.0.0.1" : "0.0.0.0";
    }

    public int totalParticipants() {
        return calls * participants;
    }

    /** The options as the report shows them: the administrator's password is never printed. */
    @Override
    public String toString() {
        return "LoadOptions[scenario=" + scenario.id() + ", calls=" + calls + ", participants=" + participants
                + ", speakers=" + speakers + ", speakerPhase=" + speakerPhase.id() + ", screen=" + screen
                + ", duration=" + durationSeconds + ", rampUp=" + rampUpSeconds + ", clientNamespace=" + clientNamespace
                + ", transport=" + (iceTcp ? "tcp" : "udp") + ", server=" + server + ", serverPid=" + serverPid + "]";
    }
}
