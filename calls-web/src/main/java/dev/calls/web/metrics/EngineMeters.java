package dev.calls.web.metrics;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.calls.ejb.media.EngineEventExecutor;
import dev.calls.ejb.media.MediaGateway;
import dev.calls.media.api.EngineStats;

/**
 * The media engine's counters as Micrometer meters, so that they appear where WildFly publishes metrics
 * (the Prometheus endpoint of the management interface, {@code /prometheus} in the shipped configuration).
 * Names follow Micrometer's dotted style; Prometheus shows {@code calls.media.packets} with tag
 * {@code direction=in} as {@code calls_media_packets_total{direction="in"}}.
 */
@ApplicationScoped
public class EngineMeters {

    private static final Logger LOG = Logger.getLogger(EngineMeters.class);

    @Inject
    MediaGateway media;

    @Inject
    EngineEventExecutor engineEvents;

    private StatsSnapshot source;
    private MicrometerRegistry registry;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry = lookup();
        if (registry == null) {
            LOG.info("no Micrometer registry on this server: media metrics only at /api/v1/system/stats");
            return;
        }
        source = new StatsSnapshot(media);
        try {
            registerAll(registry, source, engineEvents);
            LOG.info("media metrics registered with Micrometer (calls_media_*)");
        } catch (RuntimeException e) {
            LOG.warnf("media metrics not registered with Micrometer: %s", e);
            registry.removeAll();
        }
    }

    /** The server's registry; null without the micrometer subsystem, whose module carries the Micrometer API. */
    private static MicrometerRegistry lookup() {
        try {
            return MicrometerRegistry.lookup();
        } catch (NoClassDefFoundError e) {
            return null;
        }
    }

    private static void registerAll(MicrometerRegistry meters, StatsSnapshot s, EngineEventExecutor events) {
        meters.gauge("calls.media.calls", s, x -> x.get().calls());
        meters.gauge("calls.media.sessions", s, x -> x.get().sessions());
        meters.functionCounter("calls.media.packets", s, x -> x.get().packetsIn(), "direction", "in");
        meters.functionCounter("calls.media.packets", s, x -> x.get().packetsOut(), "direction", "out");
        meters.functionCounter("calls.media.bytes", s, x -> x.get().bytesIn(), "direction", "in");
        meters.functionCounter("calls.media.bytes", s, x -> x.get().bytesOut(), "direction", "out");
        meters.functionCounter("calls.media.dropped", s, x -> x.get().droppedQueueFull(), "cause", "queue_full");
        meters.functionCounter("calls.media.dropped", s, x -> x.get().droppedForwardQueueFull(), "cause",
                "forward_queue_full");
        meters.functionCounter("calls.media.dropped", s, x -> x.get().droppedForwardLate(), "cause", "forward_late");
        meters.functionCounter("calls.media.dropped", s, x -> x.get().droppedSrtpAuth(), "cause", "srtp_auth");
        meters.functionCounter("calls.media.dropped", s, x -> x.get().droppedUnknownSource(), "cause", "unknown_source");
        meters.functionCounter("calls.media.dropped", s, x -> x.get().droppedRateLimited(), "cause", "rate_limited");
        meters.functionCounter("calls.media.dropped", s, x -> x.get().droppedStunReplies(), "cause", "stun_reply_limited");
        meters.functionCounter("calls.media.dtls.refused", s, x -> x.get().handshakesRefused());
        meters.functionCounter("calls.media.events.dropped", s, x -> x.get().eventsDropped());
        meters.functionCounter("calls.media.events.call.dropped", events, EngineEventExecutor::dropped);
        meters.functionCounter("calls.media.failures", s, x -> x.get().iceFailures(), "layer", "ice");
        meters.functionCounter("calls.media.failures", s, x -> x.get().dtlsFailures(), "layer", "dtls");
        meters.functionCounter("calls.media.ice.tcp.refused", s, x -> x.get().iceTcpRefused().overLimit(), "cause",
                "over_limit");
        meters.functionCounter("calls.media.ice.tcp.refused", s, x -> x.get().iceTcpRefused().badFirstPacket(), "cause",
                "bad_first_packet");
        meters.functionCounter("calls.media.ice.tcp.refused", s, x -> x.get().iceTcpRefused().oversizedFrame(), "cause",
                "oversized_frame");
        meters.functionCounter("calls.media.ice.tcp.refused", s, x -> x.get().iceTcpRefused().authTimeout(), "cause",
                "auth_timeout");
        meters.functionCounter("calls.media.ice.tcp.refused", s, x -> x.get().iceTcpRefused().slowReader(), "cause",
                "slow_reader");
        latency(meters, "calls.media.rtc.connect", s, true);
        latency(meters, "calls.media.forwarding", s, false);
    }

    /** Count and total as a timer, plus median, 99th percentile and maximum since start as gauges in seconds. */
    private static void latency(MicrometerRegistry meters, String name, StatsSnapshot s, boolean connect) {
        meters.functionTimer(name, s, x -> pick(x, connect).count(), x -> pick(x, connect).totalNanos());
        meters.gauge(name + ".quantile.seconds", s, x -> pick(x, connect).p50Nanos() / 1e9, "quantile", "0.5");
        meters.gauge(name + ".quantile.seconds", s, x -> pick(x, connect).p99Nanos() / 1e9, "quantile", "0.99");
        meters.gauge(name + ".max.seconds", s, x -> pick(x, connect).maxNanos() / 1e9);
    }

    private static EngineStats.Latency pick(StatsSnapshot s, boolean connect) {
        EngineStats stats = s.get();
        return connect ? stats.rtcConnect() : stats.forwarding();
    }

    @PreDestroy
    void unregister() {
        if (registry != null) {
            registry.removeAll();
        }
    }
}
