package dev.calls.ear;

import static dev.calls.ear.SignalingClient.data;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import dev.calls.media.peer.Poll;

/**
 * The join-storm benchmark of docs/benchmarks.md, a report and not a test of speed: {@code
 * calls.storm.participants} (default 200) users join one call within {@code calls.storm.seconds} (10),
 * each over its own WebSocket; {@code calls.storm.media} (default 8) of them are libwebrtc peers that
 * negotiate and send audio, timed from {@code join} until the first of another's packets arrive. Run only
 * on request: {@code -Dit.test=JoinStormIT} (the default build excludes it).
 */
class JoinStormIT extends DeployedEar {

    private static final Logger LOG = Logger.getLogger(JoinStormIT.class);

    @Test
    void storm() throws Exception {
        int participants = Integer.getInteger("calls.storm.participants", 200);
        int seconds = Integer.getInteger("calls.storm.seconds", 10);
        int media = Integer.getInteger("calls.storm.media", 8);
        Api api = new Api(base);
        String admin = api.adminToken();
        String suffix = Api.unique();
        List<String> tokens = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < participants; i++) {
            ids.add(api.createUser(admin, "storm" + i + suffix, "system_user"));
            tokens.add(api.token("storm" + i + suffix, Api.PASSWORD));
        }
        String channel = api.createChannel(tokens.get(0), "storm-" + suffix, "O");
        for (int i = 1; i < participants; i++) {
            api.addMember(tokens.get(i), channel, ids.get(i));
        }

        List<Long> joinMillis = Collections.synchronizedList(new ArrayList<>());
        List<Long> mediaMillis = Collections.synchronizedList(new ArrayList<>());
        List<AutoCloseable> open = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(64);
        long spacingNanos = TimeUnit.SECONDS.toNanos(seconds) / participants;
        long start = System.nanoTime();
        List<Future<?>> joins = new ArrayList<>();
        for (int i = 0; i < participants; i++) {
            int n = i;
            long at = start + n * spacingNanos;
            int stride = Math.max(1, participants / Math.max(1, media));
            boolean withMedia = media > 0 && n % stride == 0 && n / stride < media;
            joins.add(pool.submit(() -> {
                Poll.pause(Math.max(0, TimeUnit.NANOSECONDS.toMillis(at - System.nanoTime())));
                long t0 = System.nanoTime();
                if (withMedia) {
                    CallParticipant p = CallParticipant.join("storm" + n, base, tokens.get(n), channel, 300 + n, true);
                    open.add(p);
                    joinMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
                    dev.calls.media.peer.Poll.until(Duration.ofSeconds(120), () -> "media at storm" + n,
                            () -> p.peer.stats().inbound("audio").stream().anyMatch(s -> s.packetsReceived() > 0) ? Boolean.TRUE : null);
                    mediaMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
                } else {
                    SignalingClient c = SignalingClient.connect("storm" + n, base, tokens.get(n));
                    open.add(c);
                    c.ok("join", data().add("channel_id", channel).build());
                    joinMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
                }
                return null;
            }));
        }
        for (Future<?> join : joins) {
            join.get(5, TimeUnit.MINUTES);
        }
        long wall = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        int inCall = new Api(base).get("calls/channels/" + channel, tokens.get(0)).expect(200).json()
                .getJsonObject("call").getJsonArray("sessions").size();
        LOG.infof("join storm: %d participants (%d with media) in %d ms; joins completed %d, in call %d; "
                        + "join reply p50 %d ms p99 %d ms; join to media flowing p50 %d ms p99 %d ms (n=%d)",
                participants, media, wall, joinMillis.size(), inCall, pct(joinMillis, 50), pct(joinMillis, 99),
                pct(mediaMillis, 50), pct(mediaMillis, 99), mediaMillis.size());
        for (AutoCloseable c : open) {
            c.close();
        }
        pool.shutdownNow();
        assertEquals(participants, joinMillis.size());
    }

    private static long pct(List<Long> values, int percentile) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }
}
