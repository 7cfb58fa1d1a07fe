package dev.calls.media.sfu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

import dev.calls.media.MediaEventSink;
import dev.calls.media.api.MediaEvent;
import dev.calls.media.bench.UdpSink;
import dev.calls.media.dtls.DtlsCertificate;
import dev.calls.media.srtp.DtlsSrtpKeys;
import dev.calls.media.ice.MessageIntegrity;
import dev.calls.media.ice.StunAttributeType;
import dev.calls.media.ice.StunMessageType;
import dev.calls.media.ice.StunMessageWriter;
import dev.calls.media.ice.UnknownCheckReplies;
import dev.calls.media.sdp.SdpParser;
import dev.calls.media.sdp.TransportParameters;
import dev.calls.media.srtp.SrtpMasterKey;
import dev.calls.media.srtp.SrtpProfile;
import dev.calls.media.srtp.SrtpReceiver;
import dev.calls.media.srtp.SrtpSender;
import dev.calls.media.transport.UdpPort;
import dev.calls.media.transport.PacketSender;

/**
 * One call set up through the engine's own code, for benchmarks and the tests that keep them honest: a
 * publisher whose browser sends Opus, and receive-only subscribers. Each session takes a browser offer
 * ({@code acceptOffer}), has its remote address validated by a real ICE check ({@code onStun}), gets SRTP
 * keys and answers the server's offer of the publisher's track ({@code acceptAnswer}). Only the DTLS
 * handshake is skipped: random keys are handed to the session as the handshake would ({@link #connect}),
 * so the handshake executor never runs anything. Every session's remote address is the one {@link UdpSink};
 * every event the sessions publish is kept ({@link #events()}).
 *
 * <p>Forwarding has real workers ({@link Forwarding}), which no thread runs unless {@link #startWorkers} is
 * called: then the thread that plays the receive loop also stands in for them ({@link #drainWorkers()}), so
 * that one thread does all the work of a packet, as the benchmark wants to time it.
 *
 * <p>Not thread-safe: set up on one thread; the packet path ({@link #buffers()}) belongs to one thread.
 */
final class ConnectedCall implements AutoCloseable {

    static final int PUBLISHER_SSRC = 0xDEADBEEF;
    static final String PUBLISHER_OFFER = text("publisher-offer.sdp");
    static final String SUBSCRIBER_OFFER = text("subscriber-offer.sdp");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Executor NO_HANDSHAKES = task -> { };
    private static final DtlsCertificate CERTIFICATE = DtlsCertificate.generate();

    private final SrtpProfile profile;
    private final UdpPort port;
    private final PacketSender sender;
    private final UdpSink sink;
    private final InetSocketAddress remote;
    private final ForwardBuffers buffers;
    private final Forwarding forwarding;
    private final List<Thread> workerThreads = new ArrayList<>();
    private final Map<String, String> offers = new ConcurrentHashMap<>();
    /** Each session's ICE USERNAME and password, as its browser signs its checks with them. */
    private final Map<Participant, String[]> iceCredentials = new ConcurrentHashMap<>();
    private final Call call = new Call("benchmark-call");
    private final Host host = new Host();
    private final List<Participant> subscribers = new ArrayList<>();
    private final List<SrtpReceiver> subscriberClients = new ArrayList<>();
    private final List<SrtpSender> subscriberSenders = new ArrayList<>();
    private final List<MediaEvent> events = new CopyOnWriteArrayList<>();
    private Participant publisher;
    private SrtpSender publisherClient;
    private int sessions;

    /**
     * @param workers       forwarding workers
     * @param workerSenders wraps the socket's sender for each worker (a test may watch what they send)
     */
    ConnectedCall(SrtpProfile profile, int workers, UnaryOperator<PacketSender> workerSenders) throws IOException {
        this.profile = profile;
        port = UdpPort.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1, 4 << 20);
        sender = senderOf(port);
        sink = new UdpSink();
        remote = sink.address();
        buffers = new ForwardBuffers(sender, new UnknownCheckReplies(100, 100, System.nanoTime()));
        forwarding = new Forwarding(workers, 512, i -> workerSenders.apply(sender));
    }

    /** A call whose publisher is connected and unmuted and whose subscribers each receive its voice. */
    static ConnectedCall withSubscribers(SrtpProfile profile, int count) throws Exception {
        return withSubscribers(profile, count, 1, UnaryOperator.identity());
    }

    /** The same, with {@code workers} forwarding workers whose senders are wrapped by {@code workerSenders}. */
    static ConnectedCall withSubscribers(SrtpProfile profile, int count, int workers,
            UnaryOperator<PacketSender> workerSenders) throws Exception {
        ConnectedCall call = new ConnectedCall(profile, workers, workerSenders);
        call.startPublisher();
        for (int i = 0; i < count; i++) {
            call.addSubscriber();
        }
        return call;
    }

    private static PacketSender senderOf(UdpPort port) {
        AtomicReference<PacketSender> sender = new AtomicReference<>();
        port.receiveLoops(s -> {
            sender.set(s);
            return (buf, off, len, from, replyVia) -> { };
        }, 2048);
        return sender.get();
    }

    void startPublisher() throws Exception {
        startPublisher(true);
    }

    /** The publisher's session, connected; unmuted or left muted as a joiner starts. */
    void startPublisher(boolean unmuted) throws Exception {
        publisher = answered(PUBLISHER_OFFER, "Xk3f");
        publisherClient = new SrtpSender(connect(publisher)[0]);
        publisher.setMuted(!unmuted);
    }

    Participant addSubscriber() throws Exception {
        Participant subscriber = answered(SUBSCRIBER_OFFER, "Rb7q");
        SrtpMasterKey[] keys = connect(subscriber);
        subscriberSenders.add(new SrtpSender(keys[0]));
        subscriberClients.add(new SrtpReceiver(keys[1]));
        subscribers.add(subscriber);
        return subscriber;
    }

    /** A new session that answered the browser's offer and saw the browser's nominating ICE check. */
    Participant answered(String offer, String clientUfrag) throws Exception {
        Participant participant = call.newParticipant(host, "session-" + sessions++);
        String answer = participant.acceptOffer(offer);
        String password = TransportParameters.of(SdpParser.parse(answer)).icePwd();
        iceCredentials.put(participant, new String[] {participant.localUfrag() + ":" + clientUfrag, password});
        byte[] check = nominatingCheck(participant);
        participant.onStun(buffers, check, 0, check.length, remote, sender);
        return participant;
    }

    /**
     * The session's browser restarts ICE (RFC 8445 §9) with {@code offer}, which carries new credentials
     * whose ufrag is {@code clientUfrag}: from now on its checks use the credentials of the answer.
     */
    void restartIce(Participant participant, String offer, String clientUfrag) throws Exception {
        TransportParameters answer = TransportParameters.of(SdpParser.parse(participant.acceptOffer(offer)));
        iceCredentials.put(participant, new String[] {answer.iceUfrag() + ":" + clientUfrag, answer.icePwd()});
    }

    /** The USERNAME and password the session's browser signs its checks with now. */
    String[] iceCredentials(Participant participant) {
        return iceCredentials.get(participant).clone();
    }

    /** A new nominating check signed with {@code credentials} (a USERNAME and a password). */
    static byte[] nominatingCheck(String[] credentials) {
        return bindingRequest(credentials[0], credentials[1]);
    }

    /** A new check (fresh transaction id) from the session's browser, nominating the pair it is sent on. */
    byte[] nominatingCheck(Participant participant) {
        return nominatingCheck(iceCredentials.get(participant));
    }

    /**
     * Gives an answered session SRTP keys as a completed DTLS handshake would, then answers the server's
     * offer that follows. The only place that knows the DTLS key types.
     *
     * @return the browser's master keys: [0] protects what it sends, [1] unprotects what it receives
     */
    SrtpMasterKey[] connect(Participant participant) throws Exception {
        SrtpMasterKey[] keys = giveKeys(participant);
        answerOffer(participant);
        return keys;
    }

    /** Gives an answered session SRTP keys as a completed DTLS handshake would; its server offer stays pending. */
    SrtpMasterKey[] giveKeys(Participant participant) {
        SrtpMasterKey client = new SrtpMasterKey(profile, random(profile.keyLength()), random(profile.saltLength()));
        SrtpMasterKey server = new SrtpMasterKey(profile, random(profile.keyLength()), random(profile.saltLength()));
        participant.connected(new DtlsSrtpKeys(server, client));
        return new SrtpMasterKey[] {client, server};
    }

    /** Answers the server's offer to the session as its browser would; false when none was waiting. */
    boolean answerOffer(Participant participant) throws Exception {
        String offer = offers.remove(participant.sessionId());
        if (offer == null) {
            return false;
        }
        participant.acceptAnswer(BrowserAnswer.to(offer));
        return true;
    }

    /** An ICE connectivity check as a controlling browser sends it, nominating the pair (RFC 8445 §7.1). */
    private static byte[] bindingRequest(String username, String password) {
        byte[] buf = new byte[256];
        byte[] transactionId = random(12);
        StunMessageWriter writer = new StunMessageWriter().start(buf, 0, StunMessageType.BINDING_REQUEST,
                transactionId, 0);
        byte[] user = username.getBytes(StandardCharsets.UTF_8);
        writer.addBytes(StunAttributeType.USERNAME, user, 0, user.length);
        writer.addInt(StunAttributeType.PRIORITY, 0x6e7f1eff);
        writer.addLong(StunAttributeType.ICE_CONTROLLING, RANDOM.nextLong());
        writer.addFlag(StunAttributeType.USE_CANDIDATE);
        MessageIntegrity.shortTerm(password).append(writer);
        new dev.calls.media.ice.Fingerprint().append(writer);
        return java.util.Arrays.copyOf(buf, writer.length());
    }

    /** Waits up to 10 s for {@code count} (a sink's datagrams) to reach {@code expected}; false if it did not. */
    static boolean await(LongSupplier count, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (count.getAsLong() < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return count.getAsLong() == expected;
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String text(String name) {
        try (InputStream in = ConnectedCall.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\n", "\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Participant publisher() {
        return publisher;
    }

    List<Participant> subscribers() {
        return subscribers;
    }

    /** Encrypts as the publisher's browser does. */
    SrtpSender publisherClient() {
        return publisherClient;
    }

    /** Decrypts as subscriber {@code i}'s browser does. */
    SrtpReceiver subscriberClient(int i) {
        return subscriberClients.get(i);
    }

    /** Encrypts as subscriber {@code i}'s browser does (its RTCP). */
    SrtpSender subscriberSender(int i) {
        return subscriberSenders.get(i);
    }

    /** Every event the sessions published so far, in order. */
    List<MediaEvent> events() {
        return events;
    }

    /** The engine's side of the sessions, for the parts of one that are tested alone. */
    SessionHost host() {
        return host;
    }

    /** The socket the receive loop answers on. */
    PacketSender sender() {
        return sender;
    }

    /** The working memory of the thread that plays the publisher's receive loop. */
    ForwardBuffers buffers() {
        return buffers;
    }

    Forwarding forwarding() {
        return forwarding;
    }

    /** Forwards, on the calling thread, everything queued for the workers; returns how many packets. */
    int drainWorkers() {
        int done = 0;
        for (ForwardWorker worker : forwarding.workers()) {
            done += worker.drain();
        }
        return done;
    }

    /** Runs each worker on a thread of its own, named {@code forward-<index>}; after this, never drain. */
    void startWorkers() {
        for (ForwardWorker worker : forwarding.workers()) {
            Thread thread = new Thread(worker, "forward-" + worker.index());
            thread.setDaemon(true);
            thread.start();
            workerThreads.add(thread);
        }
    }

    /** Datagrams the port's socket refused so far (socket buffer full, socket closed). */
    long sendFailures() {
        long failures = 0;
        for (ForwardBuffers worker : forwarding.buffers()) {
            failures += worker.sendFailures();
        }
        return failures;
    }

    UdpSink sink() {
        return sink;
    }

    int publishedSubscriberCount() {
        return publisher.published()[0].subscriberCount();
    }

    @Override
    public void close() throws Exception {
        for (Participant subscriber : subscribers) {
            subscriber.close(CloseReason.ENGINE_STOPPED);
        }
        if (publisher != null) {
            publisher.close(CloseReason.ENGINE_STOPPED);
        }
        forwarding.stop();
        for (Thread thread : workerThreads) {
            thread.join(5000);
        }
        port.close();
        sink.close();
    }

    /** The engine's side of the sessions: server offers are kept for {@link #connect} to answer. */
    private final class Host implements SessionHost {

        private final MediaEventSink sink = event -> {
            events.add(event);
            if (event.type() == MediaEvent.Type.OFFER) {
                offers.put(event.sessionId(), event.detail());
            }
        };

        @Override
        public MediaEventSink events() {
            return sink;
        }

        @Override
        public Forwarding forwarding() {
            return forwarding;
        }

        @Override
        public DtlsCertificate certificate() {
            return CERTIFICATE;
        }

        @Override
        public Executor handshakes() {
            return NO_HANDSHAKES;
        }

        @Override
        public List<String> advertisedAddresses() {
            return List.of("127.0.0.1");
        }

        @Override
        public int udpPort() {
            return port.localPort();
        }

        @Override
        public long rtcConnectTimeoutNanos() {
            return TimeUnit.SECONDS.toNanos(10);
        }

        @Override
        public long consentTimeoutNanos() {
            return TimeUnit.SECONDS.toNanos(30);
        }

        @Override
        public int nackHistoryPackets() {
            return 512;
        }

        @Override
        public int iceTcpPort() {
            return 0;
        }

        @Override
        public void ufragIssued(String localUfrag, Participant participant) {
            // Checks are handed to their session directly here: nothing to route.
        }

        @Override
        public void ufragRetired(String localUfrag, Participant participant) {
            // Nothing routed, nothing to forget.
        }

        @Override
        public void pathSwitched(InetSocketAddress path, Participant participant) {
            // Nothing routed, nothing to forget.
        }

        @Override
        public void handshakeRefused() {
            // The handshake executor takes every task and runs none.
        }

        @Override
        public void sessionConnected(Participant participant, long connectNanos) {
            // Keys are installed directly here: there is no handshake whose time would mean anything.
        }

        @Override
        public void sessionClosed(Participant participant) {
            // Nothing kept per session beyond the call.
        }
    }
}
