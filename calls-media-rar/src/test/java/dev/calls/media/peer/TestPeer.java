package dev.calls.media.peer;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.PortAllocatorConfig;
import dev.onvoid.webrtc.RTCBundlePolicy;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceGatheringState;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtcpMuxPolicy;
import dev.onvoid.webrtc.RTCRtpReceiver;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCRtpTransceiverDirection;
import dev.onvoid.webrtc.RTCRtpTransceiverInit;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.RTCSignalingState;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.audio.AudioOptions;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.AudioTrackSource;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.VideoTrack;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A real WebRTC endpoint (libwebrtc through webrtc-java) for tests: one peer connection with its own
 * factory and headless audio device module, synthetic media sources, blocking negotiation helpers and
 * observation of what arrives. It speaks only SDP strings and ICE candidate strings, so the other side can
 * be another {@code TestPeer}, the media engine, or the whole server.
 * <p>
 * Sending: {@link #sendAudio} adds a microphone-like track fed with a sine tone (48 kHz, 10 ms frames),
 * {@link #sendVideo} a screen-share-like track fed with moving synthetic I420 frames; {@link #receiveAudio}
 * and {@link #receiveVideo} add receive-only transceivers. Negotiation: {@link #createOffer},
 * {@link #applyAnswer}, and {@link #answer} for offers from the other side, as the polite peer of W3C
 * perfect negotiation. Observation: {@link #awaitConnected}, {@link #awaitRemoteTrack}, {@link #stats},
 * {@link #meterRemoteAudio}.
 * <p>
 * Threading: every public method may be called from any thread except libwebrtc's own (the blocking calls
 * wait for its signaling thread). Local candidates are handed to listeners on a thread of this peer, so a
 * listener may pass them straight to another peer. Negotiation methods are serialized with each other.
 * <p>
 * No loopback switch exists in webrtc-java 0.14: libwebrtc ignores loopback interfaces when gathering, so
 * host candidates are on the machine's other interfaces (IPv4 and IPv6; TCP is turned off unless asked for). On Linux these
 * still reach a server bound to 127.0.0.1 (and it reaches them back): traffic between local addresses goes
 * over the loopback device. An ICE-lite server need not be told the peer's candidates at all: it learns the
 * address from the peer's checks.
 */
public final class TestPeer implements AutoCloseable {

    /** Bound of each negotiation step; generous because a loaded two-core machine can stall a while. */
    public static final Duration OPERATION_TIMEOUT = Duration.ofSeconds(20);

    /** Default screen-share size and rate. */
    public static final int VIDEO_WIDTH = 640;
    public static final int VIDEO_HEIGHT = 360;
    public static final int VIDEO_FPS = 15;

    private static final Logger LOG = Logger.getLogger(TestPeer.class);
    private static final int METER_WINDOW_SAMPLES = 24_000;

    private final String name;
    private final HeadlessAudioDeviceModule audioModule;
    private final PeerConnectionFactory factory;
    private final RTCPeerConnection pc;
    private final ReentrantLock sourceLock = new ReentrantLock();
    private final ReentrantLock negotiationLock = new ReentrantLock();
    private final MediaPump pump;

    private final List<MediaStreamTrack> localTracks = new ArrayList<>();
    private final List<Runnable> sourceDisposals = new ArrayList<>();
    private AudioTrack audioTrack;
    private boolean sendingVideo;

    private final List<IceCandidate> localCandidates = new ArrayList<>();
    private final List<Consumer<IceCandidate>> candidateListeners = new ArrayList<>();
    private final ExecutorService candidateDelivery;
    private final List<IceCandidate> earlyRemoteCandidates = new ArrayList<>();
    private volatile RTCIceGatheringState gatheringState = RTCIceGatheringState.NEW;
    private volatile RTCPeerConnectionState connectionState = RTCPeerConnectionState.NEW;
    private volatile boolean negotiationNeeded;
    private volatile String lastRemoteSdp = "";

    private final List<RemoteTrack> remoteTracks = new CopyOnWriteArrayList<>();
    private final Map<String, MediaStreamTrack> remoteTrackObjectsByMid = new ConcurrentHashMap<>();
    private final Map<PcmMeter, AudioTrack> meters = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * Creates the peer: nothing is sent or received until tracks or transceivers are added and an offer
     * or answer is exchanged.
     *
     * @param name appears in thread names and logs
     */
    public TestPeer(String name) {
        this(name, false);
    }

    /**
     * Creates a peer that may also connect to the server's passive TCP candidates (RFC 6544), as browsers do.
     *
     * @param name appears in thread names and logs
     * @param iceTcp whether TCP candidates are used
     */
    public TestPeer(String name, boolean iceTcp) {
        this.name = name;
        this.candidateDelivery = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "candidates-" + name);
            thread.setDaemon(true);
            return thread;
        });
        this.audioModule = new HeadlessAudioDeviceModule();
        this.factory = new PeerConnectionFactory(audioModule);
        this.pc = factory.createPeerConnection(configuration(iceTcp), new Observer());
        this.pump = new MediaPump(name, audioModule, sourceLock);
    }

    private static RTCConfiguration configuration(boolean iceTcp) {
        RTCConfiguration config = new RTCConfiguration();
        // The server requires BUNDLE and rtcp-mux; bundling everything also means one ICE transport.
        config.bundlePolicy = RTCBundlePolicy.MAX_BUNDLE;
        config.rtcpMuxPolicy = RTCRtcpMuxPolicy.REQUIRE;
        // Unless a test is about ICE-TCP, only UDP host candidates matter; TCP candidates are noise.
        config.portAllocatorConfig = new PortAllocatorConfig().setDisableTcp(!iceTcp);
        return config;
    }

    public String name() {
        return name;
    }

    // ---- local media -------------------------------------------------------------------------------

    /**
     * Adds a sending (send-receive) audio track fed with a sine tone; takes effect with the next offer or
     * answer. One per peer.
     *
     * @param streamId the MediaStream id of its msid
     * @param trackId  the track id of its msid
     * @param toneHz   the tone's frequency; give each peer its own so receivers can tell senders apart
     */
    public void sendAudio(String streamId, String trackId, double toneHz) {
        changeMedia(() -> {
            if (audioTrack != null) {
                throw new IllegalStateException(name + " already sends audio");
            }
            CustomAudioSource source = new CustomAudioSource();
            AudioTrack track = factory.createAudioTrack(trackId, source);
            addTrack(track, streamId, source::dispose);
            audioTrack = track;
            pump.feedAudio(source, new SineTone(toneHz, 0.5));
        });
    }

    /** Adds a sending video track of {@value #VIDEO_WIDTH}x{@value #VIDEO_HEIGHT} at {@value #VIDEO_FPS} fps. */
    public void sendVideo(String streamId, String trackId) {
        sendVideo(streamId, trackId, VIDEO_WIDTH, VIDEO_HEIGHT, VIDEO_FPS);
    }

    /** Adds a sending video track fed with moving synthetic frames. One per peer. */
    public void sendVideo(String streamId, String trackId, int width, int height, int fps) {
        changeMedia(() -> {
            if (sendingVideo) {
                throw new IllegalStateException(name + " already sends video");
            }
            CustomVideoSource source = new CustomVideoSource();
            VideoTrack track = factory.createVideoTrack(trackId, source);
            addTrack(track, streamId, source::dispose);
            sendingVideo = true;
            pump.feedVideo(source, width, height, fps);
        });
    }

    /** Adds a receive-only audio transceiver, so an offer from this peer asks for audio without sending. */
    public void receiveAudio() {
        changeMedia(() -> {
            AudioTrackSource source = factory.createAudioSource(new AudioOptions());
            addReceiveOnly(factory.createAudioTrack("recv-audio-" + localTracks.size(), source));
        });
    }

    /** Adds a receive-only video transceiver. */
    public void receiveVideo() {
        changeMedia(() -> {
            CustomVideoSource source = new CustomVideoSource();
            addReceiveOnly(factory.createVideoTrack("recv-video-" + localTracks.size(), source));
            sourceDisposals.add(source::dispose);
        });
    }

    // Local media changes are serialized with negotiation and with close.
    private void changeMedia(Runnable change) {
        negotiationLock.lock();
        try {
            if (closed) {
                throw new IllegalStateException(name + " is closed");
            }
            change.run();
        } finally {
            negotiationLock.unlock();
        }
    }

    private void addTrack(MediaStreamTrack track, String streamId, Runnable disposeSource) {
        sourceLock.lock();
        try {
            pc.addTrack(track, List.of(streamId));
        } finally {
            sourceLock.unlock();
        }
        localTracks.add(track);
        sourceDisposals.add(disposeSource);
    }

    private void addReceiveOnly(MediaStreamTrack placeholder) {
        RTCRtpTransceiverInit init = new RTCRtpTransceiverInit();
        init.direction = RTCRtpTransceiverDirection.RECV_ONLY;
        pc.addTransceiver(placeholder, init);
        localTracks.add(placeholder);
    }

    /**
     * Enables or disables the audio track, as a browser client's mute does ({@code track.enabled = false}):
     * libwebrtc keeps sending RTP packets, of encoded silence, so the server sees the stream go on and must
     * itself stop forwarding a muted session's voice. This is the mute to use when mimicking a client.
     */
    public void setAudioEnabled(boolean enabled) {
        requireAudio().setEnabled(enabled);
    }

    /**
     * Starts or stops feeding the audio source. Without input the encoder produces nothing, so RTP packets
     * stop altogether, as with a stopped microphone or {@code replaceTrack(null)}.
     */
    public void setAudioFlowing(boolean flowing) {
        requireAudio();
        pump.setAudioPushing(flowing);
    }

    /** Starts or stops feeding the video source: frames and with them RTP packets stop. */
    public void setVideoFlowing(boolean flowing) {
        pump.setVideoPushing(flowing);
    }

    private AudioTrack requireAudio() {
        if (audioTrack == null) {
            throw new IllegalStateException(name + " sends no audio");
        }
        return audioTrack;
    }

    // ---- negotiation -------------------------------------------------------------------------------

    /** Asks for an ICE restart (RFC 8445 §9): the next {@link #createOffer} carries new ICE credentials. */
    public void restartIce() {
        pc.restartIce();
    }

    /** Creates an offer, sets it as local description and returns its SDP. */
    public String createOffer() {
        negotiationLock.lock();
        try {
            RTCSessionDescription offer = BlockingCalls.createOffer(pc, OPERATION_TIMEOUT);
            setLocal(offer);
            return offer.sdp;
        } finally {
            negotiationLock.unlock();
        }
    }

    /**
     * Applies the answer to this peer's pending offer.
     *
     * @throws IllegalStateException when no offer of this peer is pending (e.g. it was rolled back by
     *                               {@link #answer} in a glare) or libwebrtc rejects the answer
     */
    public void applyAnswer(String sdp) {
        negotiationLock.lock();
        try {
            RTCSignalingState state = pc.getSignalingState();
            if (state != RTCSignalingState.HAVE_LOCAL_OFFER) {
                throw new IllegalStateException(name + " has no pending offer to apply an answer to: " + state);
            }
            setRemote(new RTCSessionDescription(RTCSdpType.ANSWER, sdp));
        } finally {
            negotiationLock.unlock();
        }
    }

    /**
     * Answers an offer from the other side and returns the answer's SDP (already set as local description).
     * As the polite peer of perfect negotiation (W3C webrtc-pc, section 10.7): when this peer's own offer is
     * pending, it is rolled back first and the remote offer wins; call {@link #createOffer} again afterwards
     * if this peer still has changes to negotiate ({@link #negotiationNeeded()} tells).
     */
    public String answer(String remoteOffer) {
        negotiationLock.lock();
        try {
            if (pc.getSignalingState() == RTCSignalingState.HAVE_LOCAL_OFFER) {
                LOG.debugf("%s: remote offer during own offer, rolling back", name);
                setLocal(new RTCSessionDescription(RTCSdpType.ROLLBACK, ""));
            }
            setRemote(new RTCSessionDescription(RTCSdpType.OFFER, remoteOffer));
            RTCSessionDescription answer = BlockingCalls.createAnswer(pc, OPERATION_TIMEOUT);
            setLocal(answer);
            return answer.sdp;
        } finally {
            negotiationLock.unlock();
        }
    }

    /** Whether libwebrtc asked for a renegotiation since the last offer this peer created. */
    public boolean negotiationNeeded() {
        return negotiationNeeded;
    }

    public RTCSignalingState signalingState() {
        return pc.getSignalingState();
    }

    /** The current local description's SDP (with the candidates gathered so far), or null. */
    public String localDescription() {
        RTCSessionDescription description = pc.getLocalDescription();
        return description == null ? null : description.sdp;
    }

    // Setting a description can attach or detach the custom audio source's sinks; see MediaPump.
    private void setLocal(RTCSessionDescription description) {
        if (description.sdpType == RTCSdpType.OFFER) {
            negotiationNeeded = false;
        }
        sourceLock.lock();
        try {
            BlockingCalls.setLocalDescription(pc, description, OPERATION_TIMEOUT);
        } finally {
            sourceLock.unlock();
        }
    }

    private void setRemote(RTCSessionDescription description) {
        lastRemoteSdp = description.sdp;
        sourceLock.lock();
        try {
            BlockingCalls.setRemoteDescription(pc, description, OPERATION_TIMEOUT);
        } finally {
            sourceLock.unlock();
        }
        earlyRemoteCandidates.forEach(this::addIceCandidate);
        earlyRemoteCandidates.clear();
    }

    // ---- ICE ---------------------------------------------------------------------------------------

    /** The local candidates gathered so far. */
    public List<IceCandidate> localCandidates() {
        synchronized (localCandidates) {
            return List.copyOf(localCandidates);
        }
    }

    /**
     * Calls {@code listener} with every local candidate, in order: those gathered so far, then each new one.
     * Calls happen on this peer's candidate thread, one at a time.
     */
    public void onLocalCandidate(Consumer<IceCandidate> listener) {
        synchronized (localCandidates) {
            candidateListeners.add(listener);
            List<IceCandidate> gathered = List.copyOf(localCandidates);
            deliver(gathered, List.of(listener));
        }
    }

    // Listeners run on the candidate thread; one that throws (e.g. its target peer is closed) is logged
    // rather than allowed to end the thread.
    private void deliver(List<IceCandidate> candidates, List<Consumer<IceCandidate>> listeners) {
        if (listeners.isEmpty() || candidateDelivery.isShutdown()) {
            return;
        }
        try {
            candidateDelivery.execute(() -> {
                for (IceCandidate candidate : candidates) {
                    for (Consumer<IceCandidate> listener : listeners) {
                        try {
                            listener.accept(candidate);
                        } catch (RuntimeException e) {
                            LOG.debugf(e, "%s: candidate listener failed", name);
                        }
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debugf("%s: candidate after close not delivered", name);
        }
    }

    /** Waits until gathering is complete, e.g. before sending a local description with all candidates. */
    public void awaitGatheringComplete(Duration timeout) {
        Poll.until(timeout, () -> name + " gathering complete, state " + gatheringState,
                () -> gatheringState == RTCIceGatheringState.COMPLETE ? Boolean.TRUE : null);
    }

    /**
     * Adds a candidate the other side trickled. One that arrives before any remote description (trickle can
     * overtake the offer or answer) is held and added right after the remote description is set.
     */
    public void addRemoteCandidate(IceCandidate candidate) {
        negotiationLock.lock();
        try {
            if (closed) {
                return;
            }
            if (pc.getRemoteDescription() == null) {
                earlyRemoteCandidates.add(candidate);
            } else {
                addIceCandidate(candidate);
            }
        } finally {
            negotiationLock.unlock();
        }
    }

    private void addIceCandidate(IceCandidate candidate) {
        pc.addIceCandidate(new dev.onvoid.webrtc.RTCIceCandidate(candidate.sdpMid(), candidate.sdpMLineIndex(),
                candidate.candidate()));
    }

    // ---- observation -------------------------------------------------------------------------------

    public RTCPeerConnectionState connectionState() {
        return connectionState;
    }

    /** Waits for the peer connection (ICE and DTLS) to be connected; fails early if it fails or closes. */
    public void awaitConnected(Duration timeout) {
        awaitConnectionState(RTCPeerConnectionState.CONNECTED, timeout);
    }

    /** Waits for a connection state; fails early on FAILED or CLOSED unless that is the awaited state. */
    public void awaitConnectionState(RTCPeerConnectionState wanted, Duration timeout) {
        Poll.until(timeout, () -> name + " connection " + wanted + ", state " + connectionState, () -> {
            RTCPeerConnectionState state = connectionState;
            if (state == wanted) {
                return Boolean.TRUE;
            }
            if (state == RTCPeerConnectionState.FAILED || state == RTCPeerConnectionState.CLOSED) {
                throw new AssertionError(name + " connection " + state + " while waiting for " + wanted);
            }
            return null;
        });
    }

    /** The remote tracks currently being received. */
    public List<RemoteTrack> remoteTracks() {
        return List.copyOf(remoteTracks);
    }

    /** Waits for a remote track with this msid track id or stream id (see {@link RemoteTrack#matches}). */
    public RemoteTrack awaitRemoteTrack(String trackIdOrStreamId, Duration timeout) {
        return Poll.until(timeout, () -> name + " remote track " + trackIdOrStreamId + ", have " + remoteTracks,
                () -> findRemoteTrack(trackIdOrStreamId).orElse(null));
    }

    /** Waits until no remote track matches the id any more (the other side removed it). */
    public void awaitRemoteTrackGone(String trackIdOrStreamId, Duration timeout) {
        Poll.until(timeout, () -> name + " remote track " + trackIdOrStreamId + " gone, have " + remoteTracks,
                () -> findRemoteTrack(trackIdOrStreamId).isPresent() ? null : Boolean.TRUE);
    }

    private Optional<RemoteTrack> findRemoteTrack(String id) {
        return remoteTracks.stream().filter(t -> t.matches(id)).findFirst();
    }

    /** Takes one {@code getStats()} snapshot. */
    public PeerStats stats() {
        return PeerStats.of(BlockingCalls.stats(pc, OPERATION_TIMEOUT));
    }

    /** Polls statistics until an inbound RTP stream satisfies {@code condition}, and returns it. */
    public InboundRtp awaitInbound(Predicate<InboundRtp> condition, Duration timeout, String description) {
        PeerStats[] last = new PeerStats[1];
        return Poll.until(timeout, () -> name + " inbound " + description + ", last " + describeInbound(last[0]),
                () -> {
                    last[0] = stats();
                    return last[0].inbound().stream().filter(condition).findFirst().orElse(null);
                });
    }

    /** Polls statistics until an outbound RTP stream satisfies {@code condition}, and returns it. */
    public OutboundRtp awaitOutbound(Predicate<OutboundRtp> condition, Duration timeout, String description) {
        PeerStats[] last = new PeerStats[1];
        return Poll.until(timeout, () -> name + " outbound " + description + ", last "
                        + (last[0] == null ? "none" : last[0].outbound()),
                () -> {
                    last[0] = stats();
                    return last[0].outbound().stream().filter(condition).findFirst().orElse(null);
                });
    }

    private static String describeInbound(PeerStats stats) {
        return stats == null ? "none" : stats.inbound().toString();
    }

    /**
     * Attaches a {@link PcmMeter} to a remote audio track: it measures the decoded samples the playout pulls
     * (about the last half second). Detached on {@link #close()}.
     */
    public PcmMeter meterRemoteAudio(RemoteTrack track) {
        MediaStreamTrack object = remoteTrackObjectsByMid.get(track.mid());
        if (!(object instanceof AudioTrack audio)) {
            throw new IllegalArgumentException(name + " has no remote audio track " + track);
        }
        PcmMeter meter = new PcmMeter(METER_WINDOW_SAMPLES);
        audio.addSink(meter);
        meters.put(meter, audio);
        return meter;
    }

    // ---- cleanup -----------------------------------------------------------------------------------

    /**
     * Closes the peer and frees its native resources, in the order webrtc-java 0.14 needs: stop the pump,
     * detach meters, take the local tracks off their senders (a sender keeps its track referenced, and
     * the native peer connection is never released by {@code close()}, so a track still on a sender
     * cannot be disposed), close the connection, dispose tracks then their sources, then the factory, then
     * the audio device module (the factory holds a reference to it). Every step runs even if an earlier
     * one failed; the first failure is rethrown at the end.
     */
    @Override
    public void close() throws InterruptedException {
        negotiationLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            negotiationLock.unlock();
        }
        pump.close();
        Cleanup cleanup = new Cleanup(name);
        meters.forEach((meter, track) -> cleanup.run("remove meter", () -> track.removeSink(meter)));
        meters.clear();
        sourceLock.lock();
        try {
            for (RTCRtpSender sender : pc.getSenders()) {
                cleanup.run("detach local track", () -> sender.replaceTrack(null));
            }
            cleanup.run("close peer connection", pc::close);
        } finally {
            sourceLock.unlock();
        }
        candidateDelivery.shutdownNow();
        candidateDelivery.awaitTermination(10, TimeUnit.SECONDS);
        remoteTrackObjectsByMid.clear();
        localTracks.forEach(track -> cleanup.run("dispose local track", track::dispose));
        sourceDisposals.forEach(disposal -> cleanup.run("dispose source", disposal));
        cleanup.run("stop playout", audioModule::stopPlayout);
        cleanup.run("stop recording", audioModule::stopRecording);
        cleanup.run("dispose factory", factory::dispose);
        cleanup.run("dispose audio device module", audioModule::dispose);
        cleanup.rethrowFirstFailure();
    }

    @Override
    public String toString() {
        return "TestPeer[" + name + "]";
    }

    /** libwebrtc's callbacks, all on its signaling thread. */
    private final class Observer implements PeerConnectionObserver {

        @Override
        public void onIceCandidate(dev.onvoid.webrtc.RTCIceCandidate candidate) {
            IceCandidate local = new IceCandidate(candidate.sdpMid, candidate.sdpMLineIndex, candidate.sdp);
            synchronized (localCandidates) {
                localCandidates.add(local);
                deliver(List.of(local), List.copyOf(candidateListeners));
            }
        }

        @Override
        public void onIceGatheringChange(RTCIceGatheringState state) {
            gatheringState = state;
        }

        @Override
        public void onConnectionChange(RTCPeerConnectionState state) {
            LOG.debugf("%s: connection %s", name, state);
            connectionState = state;
        }

        @Override
        public void onRenegotiationNeeded() {
            negotiationNeeded = true;
        }

        @Override
        public void onTrack(RTCRtpTransceiver transceiver) {
            String mid = transceiver.getMid();
            MediaStreamTrack track = transceiver.getReceiver().getTrack();
            SdpMsids.Msid msid = SdpMsids.byMid(lastRemoteSdp).get(mid);
            List<String> streams = msid == null ? List.of() : msid.streamIds();
            String trackId = msid == null || msid.trackId() == null ? track.getId() : msid.trackId();
            RemoteTrack remote = new RemoteTrack(mid, track.getKind(), streams, trackId, track.getId());
            remoteTracks.removeIf(t -> t.mid().equals(mid));
            remoteTracks.add(remote);
            remoteTrackObjectsByMid.put(mid, track);
            LOG.debugf("%s: remote track %s", name, remote);
        }

        @Override
        public void onRemoveTrack(RTCRtpReceiver receiver) {
            String id = receiver.getTrack().getId();
            remoteTracks.removeIf(t -> t.receiverTrackId().equals(id));
            LOG.debugf("%s: remote track %s removed", name, id);
        }
    }
}
