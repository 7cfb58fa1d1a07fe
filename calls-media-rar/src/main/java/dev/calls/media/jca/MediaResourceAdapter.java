package dev.calls.media.jca;

import java.io.IOException;
import java.util.Objects;

import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.WorkException;

import javax.transaction.xa.XAResource;

import org.jboss.logging.Logger;

import dev.calls.limits.Limit;
import dev.calls.media.MediaEngine;
import dev.calls.media.MediaEngineConfig;
import dev.calls.media.PublicAddressCheck;
import dev.calls.media.api.CallSettings;
import dev.calls.media.api.EngineStatus;
import dev.calls.media.dtls.HandshakePool;
import dev.calls.media.ice.StunUri;
import dev.calls.media.sfu.ForwardWorker;
import dev.calls.media.transport.ReceiveLoop;

/**
 * Hosts the media engine in WildFly. Every property below is editable in the management console under
 * the resource adapter registration (subsystem resource-adapters, "calls-media") and takes effect on reload.
 */
@Connector(
        displayName = "Calls media engine",
        description = "SFU for Calls: ICE-lite, DTLS-SRTP and RTP forwarding on one UDP port",
        vendorName = "Calls",
        eisType = "WebRTC SFU",
        version = "1.0",
        transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction,
        reauthenticationSupport = false)
public class MediaResourceAdapter implements ResourceAdapter {

    private static final Logger LOG = Logger.getLogger(MediaResourceAdapter.class);

    private static final int BIND_RETRY_SECONDS = 2;

    @ConfigProperty(defaultValue = "8443",
            description = "UDP port of all media sessions; open it in the firewall (default 8443)")
    private Integer udpPort = 8443;

    @ConfigProperty(defaultValue = "0.0.0.0",
            description = "Local address the media port binds to (default 0.0.0.0: the advertised address when "
                    + "it is one of this machine's, every interface when it is not)")
    private String bindAddress = "0.0.0.0";

    /**
     * The value of iceHostOverride that means no override. A word rather than an empty value, because the
     * server's management model stores no empty value, and the console lists only registered properties.
     */
    public static final String NO_ICE_HOST_OVERRIDE = "none";

    @ConfigProperty(defaultValue = NO_ICE_HOST_OVERRIDE,
            description = "Address put in ICE candidates instead of a local one, for servers behind NAT; "
                    + "none advertises the bind address or the first local one (default none)")
    private String iceHostOverride = NO_ICE_HOST_OVERRIDE;

    @ConfigProperty(defaultValue = CallSettings.DEFAULT_ICE_SERVERS,
            description = "ICE servers given to clients, as JSON [{\"urls\":[...],\"username\"?,\"credential\"?}]; "
                    + "without iceHostOverride the engine asks the first STUN server for its public address at start")
    private String iceServers = CallSettings.DEFAULT_ICE_SERVERS;

    @ConfigProperty(defaultValue = "2",
            description = "Sockets bound to the media port with SO_REUSEPORT; about one per core (default 2)")
    private Integer udpSocketCount = 2;

    @ConfigProperty(defaultValue = "0",
            description = "Most participants in one call; 0 is unlimited (default 0)")
    private Integer maxParticipantsPerCall = 0;

    @ConfigProperty(defaultValue = "true", description = "Whether participants may share their screen (default true)")
    private Boolean allowScreenSharing = true;

    @ConfigProperty(defaultValue = "true",
            description = "Calls enabled in channels by default; false is test mode, where only system admins start calls (default true)")
    private Boolean defaultEnabled = true;

    @ConfigProperty(defaultValue = "false",
            description = "Ring the other members when a call starts in a direct or group message (default false)")
    private Boolean enableRinging = false;

    @ConfigProperty(defaultValue = "10",
            description = "Seconds a session has to complete ICE and DTLS after the answer before it is closed (default 10)")
    private Integer rtcConnectTimeoutSeconds = 10;

    @ConfigProperty(defaultValue = "30",
            description = "Seconds without an ICE consent check (RFC 7675) before a session is closed (default 30)")
    private Integer consentTimeoutSeconds = 30;

    @ConfigProperty(defaultValue = "512",
            description = "Packets kept per published track to answer retransmission requests (NACK) (default 512)")
    private Integer nackHistoryPackets = 512;

    @ConfigProperty(defaultValue = "0",
            description = "Threads that encrypt and send forwarded media, each serving a share of the subscribers; "
                    + "0 is one per available core (default 0)")
    private Integer forwardingThreads = 0;

    @ConfigProperty(defaultValue = "-10",
            description = "Nice value (-20 to 19) the media receive and forwarding threads run at, ahead of the rest "
                    + "of the server; needs CAP_SYS_NICE or LimitNICE in the server's unit, 0 leaves them at the "
                    + "server's priority (default -10)")
    private Integer mediaThreadNice = MediaEngineConfig.DEFAULT_MEDIA_THREAD_NICE;

    @ConfigProperty(defaultValue = "10",
            description = "Real-time (SCHED_RR) priority, 1 to 99, the media receive and forwarding threads run at, "
                    + "ahead of every ordinary thread of every process; needs CAP_SYS_NICE or LimitRTPRIO in the "
                    + "server's unit, 0 leaves them ordinary threads (default 10)")
    private Integer mediaThreadRealtimePriority = MediaEngineConfig.DEFAULT_MEDIA_THREAD_REALTIME_PRIORITY;

    private volatile MediaEngine engine;
    private volatile HandshakePool handshakes;
    private volatile boolean stopped;
    private volatile String problem = "the media engine has not started";
    private BootstrapContext context;
    private MediaEventDispatcher events;

    /**
     * Binds the media port and starts the receive loops. When the port is taken the server still comes
     * up, reports the media as unhealthy (the ping answers 503) and retries until the port is free.
     */
    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        this.context = context;
        stopped = false;
        events = new MediaEventDispatcher();
        MediaEngineConfig config = new MediaEngineConfig(udpPort, bindAddress, hostOverride(), udpSocketCount,
                rtcConnectTimeoutSeconds, consentTimeoutSeconds, nackHistoryPackets, forwardingThreads,
                mediaThreadNice, mediaThreadRealtimePriority);
        try {
            context.getWorkManager().startWork(new RunnableWork(events, events::stop));
            if (!tryStartEngine(config)) {
                problem = String.format("cannot bind the media port UDP %s:%d; retrying every %d s",
                        bindAddress, udpPort, BIND_RETRY_SECONDS);
                LOG.errorf("%s; calls cannot connect until it is free.", problem);
                context.getWorkManager().startWork(new RunnableWork(() -> retryStart(config), () -> stopped = true));
            }
        } catch (WorkException e) {
            closeEngine();
            throw new ResourceAdapterInternalException("cannot start the media engine: " + e.getMessage(), e);
        }
    }

    private boolean tryStartEngine(MediaEngineConfig config) throws WorkException {
        MediaEngine started;
        HandshakePool pool = new HandshakePool(Limit.DTLS_HANDSHAKE_THREADS.value(), Limit.DTLS_HANDSHAKE_QUEUE.value());
        try {
            started = MediaEngine.start(config, events, pool);
        } catch (IOException e) {
            pool.close();
            LOG.debugf("binding the media port failed: %s", e.getMessage());
            return false;
        }
        handshakes = pool;
        engine = started;
        for (ReceiveLoop loop : started.receiveLoops()) {
            context.getWorkManager().startWork(new RunnableWork(started.atMediaPriority(loop), loop::stop));
        }
        for (ForwardWorker worker : started.forwardingWorkers()) {
            context.getWorkManager().startWork(new RunnableWork(started.atMediaPriority(worker), worker::stop));
        }
        context.getWorkManager().startWork(new RunnableWork(started.timer(), () -> { }));
        checkPublicAddress(started);
        return true;
    }

    /** The address to advertise instead of a local one, or "" for none (unset, blank or {@code none}). */
    private String hostOverride() {
        String value = iceHostOverride == null ? "" : iceHostOverride.trim();
        return NO_ICE_HOST_OVERRIDE.equalsIgnoreCase(value) ? "" : value;
    }

    /**
     * Without iceHostOverride, asks the first configured STUN server for this machine's public address, on
     * a thread of its own so that startup never waits for it; the outcome goes to the log.
     */
    private void checkPublicAddress(MediaEngine started) throws WorkException {
        if (!hostOverride().isEmpty()) {
            return;
        }
        StunUri server = StunUri.firstIn(iceServers);
        if (server == null) {
            LOG.infof("no STUN server in iceServers: public address discovery skipped; clients are given %s",
                    started.status().advertisedAddress());
            return;
        }
        PublicAddressCheck check = new PublicAddressCheck(server, started.status().advertisedAddress(),
                PublicAddressCheck.TIMEOUT);
        context.getWorkManager().scheduleWork(new RunnableWork(check, () -> { }));
    }

    private void retryStart(MediaEngineConfig config) {
        try {
            while (!stopped) {
                Thread.sleep(BIND_RETRY_SECONDS * 1000L);
                synchronized (this) {
                    if (!stopped && tryStartEngine(config)) {
                        return;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (WorkException e) {
            LOG.errorf(e, "cannot start the media receive loops");
        }
    }

    @Override
    public void stop() {
        synchronized (this) {
            stopped = true;
            problem = "the media engine is stopped";
            closeEngine();
            events.stop();
        }
    }

    private void closeEngine() {
        MediaEngine running = engine;
        engine = null;
        if (running != null) {
            running.close();
        }
        HandshakePool pool = handshakes;
        handshakes = null;
        if (pool != null) {
            pool.close();
        }
    }

    /** The running engine, or null while it is stopped or waiting for its port. */
    MediaEngine runningEngine() {
        return engine;
    }

    /** What the engine reports while it is not running: the configured port, and why it does not run. */
    EngineStatus downStatus() {
        return EngineStatus.down(udpPort, problem);
    }

    /** The product settings, as configured now (a reload applies changes). */
    CallSettings settings() {
        return new CallSettings(maxParticipantsPerCall, allowScreenSharing, defaultEnabled, enableRinging, iceServers);
    }

    @Override
    public void endpointActivation(MessageEndpointFactory endpointFactory, ActivationSpec spec) {
        events.activate(endpointFactory);
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory endpointFactory, ActivationSpec spec) {
        events.deactivate(endpointFactory);
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    public Integer getUdpPort() {
        return udpPort;
    }

    public void setUdpPort(Integer udpPort) {
        this.udpPort = udpPort;
    }

    public String getBindAddress() {
        return bindAddress;
    }

    public void setBindAddress(String bindAddress) {
        this.bindAddress = bindAddress;
    }

    public String getIceHostOverride() {
        return iceHostOverride;
    }

    public void setIceHostOverride(String iceHostOverride) {
        this.iceHostOverride = iceHostOverride;
    }

    public String getIceServers() {
        return iceServers;
    }

    public void setIceServers(String iceServers) {
        this.iceServers = iceServers;
    }

    public Integer getUdpSocketCount() {
        return udpSocketCount;
    }

    public void setUdpSocketCount(Integer udpSocketCount) {
        this.udpSocketCount = udpSocketCount;
    }

    public Integer getMaxParticipantsPerCall() {
        return maxParticipantsPerCall;
    }

    public void setMaxParticipantsPerCall(Integer maxParticipantsPerCall) {
        this.maxParticipantsPerCall = maxParticipantsPerCall;
    }

    public Boolean getAllowScreenSharing() {
        return allowScreenSharing;
    }

    public void setAllowScreenSharing(Boolean allowScreenSharing) {
        this.allowScreenSharing = allowScreenSharing;
    }

    public Boolean getDefaultEnabled() {
        return defaultEnabled;
    }

    public void setDefaultEnabled(Boolean defaultEnabled) {
        this.defaultEnabled = defaultEnabled;
    }

    public Boolean getEnableRinging() {
        return enableRinging;
    }

    public void setEnableRinging(Boolean enableRinging) {
        this.enableRinging = enableRinging;
    }

    public Integer getRtcConnectTimeoutSeconds() {
        return rtcConnectTimeoutSeconds;
    }

    public void setRtcConnectTimeoutSeconds(Integer rtcConnectTimeoutSeconds) {
        this.rtcConnectTimeoutSeconds = rtcConnectTimeoutSeconds;
    }

    public Integer getConsentTimeoutSeconds() {
        return consentTimeoutSeconds;
    }

    public void setConsentTimeoutSeconds(Integer consentTimeoutSeconds) {
        this.consentTimeoutSeconds = consentTimeoutSeconds;
    }

    public Integer getNackHistoryPackets() {
        return nackHistoryPackets;
    }

    public void setNackHistoryPackets(Integer nackHistoryPackets) {
        this.nackHistoryPackets = nackHistoryPackets;
    }

    public Integer getForwardingThreads() {
        return forwardingThreads;
    }

    public void setForwardingThreads(Integer forwardingThreads) {
        this.forwardingThreads = forwardingThreads;
    }

    public Integer getMediaThreadNice() {
        return mediaThreadNice;
    }

    public void setMediaThreadNice(Integer mediaThreadNice) {
        this.mediaThreadNice = mediaThreadNice;
    }

    public Integer getMediaThreadRealtimePriority() {
        return mediaThreadRealtimePriority;
    }

    public void setMediaThreadRealtimePriority(Integer mediaThreadRealtimePriority) {
        this.mediaThreadRealtimePriority = mediaThreadRealtimePriority;
    }

    // JCA 1.7 §5.3.1: a resource adapter JavaBean must implement equals and hashCode over its properties.
    @Override
    public boolean equals(Object other) {
        if (!(other instanceof MediaResourceAdapter that)) {
            return false;
        }
        return Objects.equals(udpPort, that.udpPort) && Objects.equals(bindAddress, that.bindAddress)
                && Objects.equals(iceHostOverride, that.iceHostOverride) && Objects.equals(iceServers, that.iceServers)
                && Objects.equals(udpSocketCount, that.udpSocketCount)
                && Objects.equals(maxParticipantsPerCall, that.maxParticipantsPerCall)
                && Objects.equals(allowScreenSharing, that.allowScreenSharing)
                && Objects.equals(defaultEnabled, that.defaultEnabled) && Objects.equals(enableRinging, that.enableRinging)
                && Objects.equals(rtcConnectTimeoutSeconds, that.rtcConnectTimeoutSeconds)
                && Objects.equals(consentTimeoutSeconds, that.consentTimeoutSeconds)
                && Objects.equals(nackHistoryPackets, that.nackHistoryPackets)
                && Objects.equals(forwardingThreads, that.forwardingThreads)
                && Objects.equals(mediaThreadNice, that.mediaThreadNice)
                && Objects.equals(mediaThreadRealtimePriority, that.mediaThreadRealtimePriority);
    }

    @Override
    public int hashCode() {
        return Objects.hash(udpPort, bindAddress, iceHostOverride, iceServers, udpSocketCount, maxParticipantsPerCall,
                allowScreenSharing, defaultEnabled, enableRinging, rtcConnectTimeoutSeconds, consentTimeoutSeconds,
                nackHistoryPackets, forwardingThreads, mediaThreadNice, mediaThreadRealtimePriority);
    }
}
