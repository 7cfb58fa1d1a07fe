package dev.calls.load.contract;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.jboss.logging.Logger;

import dev.calls.load.metrics.ExternalProcessMetrics;
import dev.calls.load.signaling.ServerMetrics;
import dev.calls.load.signaling.Signaling;
import dev.calls.load.signaling.SignalingException;
import dev.calls.load.signaling.SignalingListener;
import dev.calls.load.signaling.SignalingSession;

/**
 * Signaling through a deployed server's external contract, as browsers do it. {@link #prepare} has the
 * administrator create the scenario's users ({@code load-<n>}, created once and reused on later runs) and
 * channels — an open channel {@code <call name>} per call, or the direct channel of the pair for a call of
 * two — and signs every user in. Each {@link #join} then opens the participant's own WebSocket with its
 * token, waits for {@code hello} and sends {@code join}; SDP, candidates and call commands follow on that
 * WebSocket, with a {@code ping} every 15 s as the web client sends. {@link #close} waits for the WebSockets the leaves close and signs everyone out.
 *
 * <p>Threads: REST requests block the caller; WebSocket events arrive on the HTTP client's executor
 * ({@code load-ws-*}), one connection's in order, and go to the participants' listeners there.
 */
public final class ContractSignaling implements Signaling {

    private static final Logger LOG = Logger.getLogger(ContractSignaling.class);
    /** The password of the scenario users; they exist only for load runs. */
    static final String USER_PASSWORD = "load-user-password";
    private static final long CONNECT_TIMEOUT_SECONDS = 30;
    private static final long CLOSE_TIMEOUT_SECONDS = 10;
    /** The web client's keep-alive period (socket.js). */
    private static final long PING_PERIOD_MILLIS = 15_000;

    private final ExecutorService delivery;
    private final ScheduledExecutorService pings;
    private final HttpClient http;
    private final ContractApi api;
    private final URI websocket;
    private final ContractApi.SignedIn admin;
    private final ServerMetrics metrics;
    private final int setupThreads;
    private final Map<Integer, ContractApi.SignedIn> users = new ConcurrentHashMap<>();
    private final LongAdder busyRetries = new LongAdder();
    private final Map<String, String> channels = new ConcurrentHashMap<>();
    private final List<ContractSession> sessions = new CopyOnWriteArrayList<>();

    /**
     * Signs the administrator in at {@code base} (the calls context root; see {@link #baseOf}).
     *
     * @param serverPid the server's process id on this machine for its CPU, RSS and heap; -1 when unknown
     * @param setupThreads how many REST requests the preparation runs at once
     */
    public ContractSignaling(URI base, String adminUser, String adminPassword, long serverPid, int setupThreads)
            throws SignalingException {
        AtomicInteger threads = new AtomicInteger();
        delivery = Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "load-ws-" + threads.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        });
        pings = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "load-ws-ping");
            thread.setDaemon(true);
            return thread;
        });
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(delivery)
                .connectTimeout(Duration.ofSeconds(10)).build();
        api = new ContractApi(http, base);
        websocket = SignalingSocket.endpoint(base);
        this.setupThreads = setupThreads;
        try {
            admin = api.login(adminUser, adminPassword);
        } catch (SignalingException e) {
            delivery.shutdownNow();
            pings.shutdownNow();
            throw e;
        }
        metrics = new ContractServerMetrics(api, admin.token(), serverPid < 0 ? null : new ExternalProcessMetrics(serverPid));
    }

    /**
     * The calls context root for a server address: {@code http://host:8080} becomes
     * {@code http://host:8080/calls/}; an address with a path is taken as the context root itself.
     */
    public static URI baseOf(String server) {
        URI uri = URI.create(server);
        if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
            throw new IllegalArgumentException("--server must be an http(s)://host:port address, got '" + server + "'");
        }
        String path = uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/") ? "/calls/" : uri.getPath();
        return uri.resolve(path.endsWith("/") ? path : path + "/");
    }

    /** The scenario's user for participant {@code n}. */
    static String username(int participant) {
        return "load-" + participant;
    }

    @Override
    public void prepare(Map<String, List<Integer>> participantsByCall) throws SignalingException {
        long start = System.nanoTime();
        List<Integer> everyone = participantsByCall.values().stream().flatMap(List::stream).toList();
        int[] created = new int[1];
        runAll(everyone, participant -> {
            String name = username(participant);
            if (api.createUser(admin.token(), name, USER_PASSWORD)) {
                synchronized (created) {
                    created[0]++;
                }
            }
            users.put(participant, api.login(name, USER_PASSWORD));
        });
        for (Map.Entry<String, List<Integer>> call : participantsByCall.entrySet()) {
            List<Integer> members = call.getValue();
            if (members.size() == 2) {
                ContractApi.SignedIn first = users.get(members.get(0));
                channels.put(call.getKey(), api.directChannel(first.token(), first.userId(), users.get(members.get(1)).userId()));
            } else {
                String channel = api.openChannel(admin.token(), call.getKey());
                runAll(members, participant -> api.addMember(admin.token(), channel, users.get(participant).userId()));
                channels.put(call.getKey(), channel);
            }
        }
        LOG.infof("%d users signed in (%d created, the others reused) and %d channels ready in %.1f s", everyone.size(),
                created[0], channels.size(), (System.nanoTime() - start) / 1e9);
    }

    @Override
    public SignalingSession join(String callName, int participant, SignalingListener listener) throws SignalingException {
        ContractApi.SignedIn user = users.get(participant);
        String channel = channels.get(callName);
        if (user == null || channel == null) {
            throw new SignalingException("participant " + participant + " of " + callName + " was not prepared");
        }
        ContractSession session = new ContractSession(listener);
        SignalingSocket socket;
        try {
            socket = SignalingSocket.open(http, websocket, user.token(), session::onFrame, session::onLost)
                    .get(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new SignalingException("WebSocket: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new SignalingException("WebSocket: no hello within " + CONNECT_TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignalingException("WebSocket: interrupted", e);
        }
        session.attach(socket);
        sessions.add(session);
        try {
            busyRetries.add(session.join(channel));
        } catch (SignalingException e) {
            socket.close();
            throw e;
        }
        session.keepAlive(pings, PING_PERIOD_MILLIS);
        return session;
    }

    /**
     * Opens one more WebSocket authenticated as the prepared participant's user, joining nothing: completes
     * when {@code hello} has arrived, exceptionally when the server refuses the upgrade or closes first. Events
     * on it are ignored; the caller closes it.
     */
    public CompletableFuture<SignalingSocket> openSocket(int participant) {
        ContractApi.SignedIn user = users.get(participant);
        if (user == null) {
            return CompletableFuture.failedFuture(new SignalingException("participant " + participant + " was not prepared"));
        }
        return SignalingSocket.open(http, websocket, user.token(), frame -> { }, () -> { });
    }

    @Override
    public ServerMetrics serverMetrics() {
        return metrics;
    }

    /** Waits (at most 10 s) for the WebSockets the participants' leaves close, then signs everyone out. */
    @Override
    public void close() {
        LOG.infof("joins tried again after %s: %d", ContractSession.CALL_BUSY, busyRetries.sum());
        try {
            CompletableFuture.allOf(sessions.stream().map(ContractSession::closed).toArray(CompletableFuture[]::new))
                    .get(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.infof("not every WebSocket closed within %d s: %s", CLOSE_TIMEOUT_SECONDS, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            runAll(new ArrayList<>(users.keySet()), participant -> api.logout(users.get(participant).token()));
            api.logout(admin.token());
        } catch (SignalingException e) {
            LOG.infof("signing out: %s", e.getMessage());
        }
        pings.shutdownNow();
        delivery.shutdownNow();
    }

    private interface Step {
        void run(int participant) throws SignalingException;
    }

    /** Runs the step for every participant, {@code setupThreads} at a time; the first failure is thrown. */
    private void runAll(List<Integer> participants, Step step) throws SignalingException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, setupThreads));
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int participant : participants) {
                results.add(pool.submit(() -> {
                    step.run(participant);
                    return null;
                }));
            }
            for (Future<?> result : results) {
                result.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof SignalingException refusal ? refusal
                    : new SignalingException(e.getCause().toString(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignalingException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
