package dev.calls.media.jca;

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

import dev.calls.media.MediaEngine;
import dev.calls.media.api.CallSettings;
import dev.calls.media.api.EngineStatus;

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

    @ConfigProperty(defaultValue = "8443",
            description = "UDP port of all media sessions; open it in the firewall")
    private String udpPort;

    @ConfigProperty(defaultValue = "8444",
            description = "TCP port of the ICE-TCP candidates (RFC 6544), for clients whose UDP is blocked; 0 offers none")
    private String iceTcpPort;

    @ConfigProperty(defaultValue = "0.0.0.0",
            description = "Local address the media port binds to; 0.0.0.0 binds the advertised address when it is "
                    + "one of this machine's, and every interface when it is not")
    private String bindAddress;

    @ConfigProperty(defaultValue = AdapterSettings.NO_ICE_HOST_OVERRIDE,
            description = "Address put in ICE candidates instead of a local one, for servers behind NAT; "
                    + "none advertises the bind address or the default route's interface address")
    private String iceHostOverride;

    @ConfigProperty(defaultValue = CallSettings.DEFAULT_ICE_SERVERS,
            description = "ICE servers given to clients, as JSON [{\"urls\":[...],\"username\"?,\"credential\"?}]; "
                    + "without iceHostOverride the engine asks the first STUN server for its public address at start")
    private String iceServers;

    @ConfigProperty(defaultValue = AdapterSettings.NONE,
            description = "TURN servers (turn: and turns: URLs, separated by spaces or commas) for which each "
                    + "signed-in user is given short-lived credentials made with turnSecret; none for no such servers")
    private String turnServers;

    @ConfigProperty(defaultValue = AdapterSettings.NONE,
            description = "Secret shared with the TURN servers (coturn: static-auth-secret); never given to clients")
    private String turnSecret;

    @ConfigProperty(defaultValue = "1440",
            description = "Minutes a generated TURN credential stays valid")
    private String turnCredentialLifetimeMinutes;

    @ConfigProperty(defaultValue = "all",
            description = "all lets clients use any path to the server; relay makes them use TURN relays only")
    private String iceTransportPolicy;

    @ConfigProperty(defaultValue = "2",
            description = "Sockets bound to the media port with SO_REUSEPORT; about one per core")
    private String udpSocketCount;

    @ConfigProperty(defaultValue = "0",
            description = "Most participants in one call; 0 is unlimited")
    private String maxParticipantsPerCall;

    @ConfigProperty(defaultValue = "true", description = "Whether participants may share their screen")
    private String allowScreenSharing;

    @ConfigProperty(defaultValue = "true",
            description = "Calls enabled in channels by default; false is test mode, where only system admins start calls")
    private String defaultEnabled;

    @ConfigProperty(defaultValue = "false",
            description = "Ring the other members when a call starts in a direct or group message")
    private String enableRinging;

    @ConfigProperty(defaultValue = "10",
            description = "Seconds a session has to complete ICE and DTLS after the answer before it is closed")
    private String rtcConnectTimeoutSeconds;

    @ConfigProperty(defaultValue = "30",
            description = "Seconds without an ICE consent check (RFC 7675) before a session is closed")
    private String consentTimeoutSeconds;

    @ConfigProperty(defaultValue = "512",
            description = "Packets kept per published track to answer retransmission requests (NACK)")
    private String nackHistoryPackets;

    @ConfigProperty(defaultValue = "0",
            description = "Threads that encrypt and send forwarded media, each serving a share of the subscribers; "
                    + "0 is one per available core")
    private String forwardingThreads;

    @ConfigProperty(defaultValue = "-10",
            description = "Nice value (-20 to 19) the media receive and forwarding threads run at, ahead of the rest "
                    + "of the server; needs CAP_SYS_NICE or LimitNICE in the server's unit, 0 leaves them at the "
                    + "server's priority")
    private String mediaThreadNice;

    @ConfigProperty(defaultValue = "10",
            description = "Real-time (SCHED_RR) priority, 1 to 99, the media receive and forwarding threads run at, "
                    + "ahead of every ordinary thread of every process; needs CAP_SYS_NICE or LimitRTPRIO in the "
                    + "server's unit, 0 leaves them ordinary threads")
    private String mediaThreadRealtimePriority;

    private volatile AdapterSettings settings;
    private volatile EngineRunner runner;
    private MediaEventDispatcher events;

    /**
     * Reads the settings and starts the engine. A setting with a bad value is refused by name and the engine
     * stays down; when the port is taken the engine retries until it is free. Either way the server still comes
     * up and the ping reports the engine unhealthy (503) and why.
     */
    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        settings = null;
        events = new MediaEventDispatcher();
        runner = new EngineRunner(context.getWorkManager(), events);
        try {
            context.getWorkManager().startWork(new RunnableWork(events, events::stop));
            settings = AdapterSettings.read(ConfigProperties.values(this));
            runner.start(settings);
        } catch (InvalidSettingException e) {
            runner.keepDown(e.getMessage());
            LOG.errorf("%s; the media engine stays down until it is corrected and the server reloaded", e.getMessage());
        } catch (WorkException e) {
            runner.stop();
            throw new ResourceAdapterInternalException("cannot start the media engine: " + e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        runner.stop();
        events.stop();
    }

    /** The running engine, or null while it is stopped or waiting for its port. */
    MediaEngine runningEngine() {
        EngineRunner current = runner;
        return current == null ? null : current.engine();
    }

    /** What the engine reports while it is not running: the configured port, and why it does not run. */
    EngineStatus downStatus() {
        AdapterSettings read = settings;
        EngineRunner current = runner;
        return EngineStatus.down(read == null ? 0 : read.engine().udpPort(),
                current == null ? "the media engine has not started" : current.problem());
    }

    /** The product settings read at start (a reload applies changes); the defaults when a setting was refused. */
    CallSettings settings() {
        AdapterSettings read = settings;
        return read == null ? CallSettings.DEFAULTS : read.product();
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

    public String getUdpPort() {
        return udpPort;
    }

    public void setUdpPort(String udpPort) {
        this.udpPort = udpPort;
    }

    public String getIceTcpPort() {
        return iceTcpPort;
    }

    public void setIceTcpPort(String iceTcpPort) {
        this.iceTcpPort = iceTcpPort;
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

    public String getTurnServers() {
        return turnServers;
    }

    public void setTurnServers(String turnServers) {
        this.turnServers = turnServers;
    }

    public String getTurnSecret() {
        return turnSecret;
    }

    public void setTurnSecret(String turnSecret) {
        this.turnSecret = turnSecret;
    }

    public String getTurnCredentialLifetimeMinutes() {
        return turnCredentialLifetimeMinutes;
    }

    public void setTurnCredentialLifetimeMinutes(String turnCredentialLifetimeMinutes) {
        this.turnCredentialLifetimeMinutes = turnCredentialLifetimeMinutes;
    }

    public String getIceTransportPolicy() {
        return iceTransportPolicy;
    }

    public void setIceTransportPolicy(String iceTransportPolicy) {
        this.iceTransportPolicy = iceTransportPolicy;
    }

    public String getUdpSocketCount() {
        return udpSocketCount;
    }

    public void setUdpSocketCount(String udpSocketCount) {
        this.udpSocketCount = udpSocketCount;
    }

    public String getMaxParticipantsPerCall() {
        return maxParticipantsPerCall;
    }

    public void setMaxParticipantsPerCall(String maxParticipantsPerCall) {
        this.maxParticipantsPerCall = maxParticipantsPerCall;
    }

    public String getAllowScreenSharing() {
        return allowScreenSharing;
    }

    public void setAllowScreenSharing(String allowScreenSharing) {
        this.allowScreenSharing = allowScreenSharing;
    }

    public String getDefaultEnabled() {
        return defaultEnabled;
    }

    public void setDefaultEnabled(String defaultEnabled) {
        this.defaultEnabled = defaultEnabled;
    }

    public String getEnableRinging() {
        return enableRinging;
    }

    public void setEnableRinging(String enableRinging) {
        this.enableRinging = enableRinging;
    }

    public String getRtcConnectTimeoutSeconds() {
        return rtcConnectTimeoutSeconds;
    }

    public void setRtcConnectTimeoutSeconds(String rtcConnectTimeoutSeconds) {
        this.rtcConnectTimeoutSeconds = rtcConnectTimeoutSeconds;
    }

    public String getConsentTimeoutSeconds() {
        return consentTimeoutSeconds;
    }

    public void setConsentTimeoutSeconds(String consentTimeoutSeconds) {
        this.consentTimeoutSeconds = consentTimeoutSeconds;
    }

    public String getNackHistoryPackets() {
        return nackHistoryPackets;
    }

    public void setNackHistoryPackets(String nackHistoryPackets) {
        this.nackHistoryPackets = nackHistoryPackets;
    }

    public String getForwardingThreads() {
        return forwardingThreads;
    }

    public void setForwardingThreads(String forwardingThreads) {
        this.forwardingThreads = forwardingThreads;
    }

    public String getMediaThreadNice() {
        return mediaThreadNice;
    }

    public void setMediaThreadNice(String mediaThreadNice) {
        this.mediaThreadNice = mediaThreadNice;
    }

    public String getMediaThreadRealtimePriority() {
        return mediaThreadRealtimePriority;
    }

    public void setMediaThreadRealtimePriority(String mediaThreadRealtimePriority) {
        this.mediaThreadRealtimePriority = mediaThreadRealtimePriority;
    }

    // JCA 1.7 §5.3.1: a resource adapter JavaBean must implement equals and hashCode over its properties.
    @Override
    public boolean equals(Object other) {
        return other instanceof MediaResourceAdapter that
                && ConfigProperties.values(this).equals(ConfigProperties.values(that));
    }

    @Override
    public int hashCode() {
        return ConfigProperties.values(this).hashCode();
    }
}
