package dev.calls.limits;

import java.lang.System.Logger.Level;

/**
 * Every bound on an input and every cap on a resource the server holds for its users, in one place:
 * the engine, the EJBs and the web layer all read their numbers here. Each has a documented default and
 * may be changed with the server system property {@code calls.limit.<name>} (for example
 * {@code calls.limit.websocketsPerUser}), read once when the application starts; a value that is not a
 * positive integer is refused with a warning that names the property, and the default stays. The admin
 * guide's "Limits" table lists them all (a test keeps it complete).
 */
public enum Limit {

    // Signaling (WebSocket)
    /** Actions a connection may send per second, malformed frames included (token bucket rate). */
    ACTIONS_PER_SECOND("actionsPerSecond", 10, "actions a WebSocket connection may send per second, malformed frames included"),
    /** Actions a connection may send at once before the rate applies (token bucket depth). */
    ACTION_BURST("actionBurst", 100, "actions a WebSocket connection may send in one burst"),
    /** WebSockets one user may hold open; one more is closed with 1008 once it authenticates. */
    WEBSOCKETS_PER_USER("websocketsPerUser", 32, "WebSocket connections one user may have open at once"),
    /** WebSockets still waiting for their authentication frame (at most 5 s each), all clients together. */
    UNAUTHENTICATED_WEBSOCKETS("unauthenticatedWebsockets", 1000,
            "WebSocket connections waiting for their authentication frame, all clients together"),

    // Calls, channels and posts
    /** Characters of a call's title, which becomes its thread's root post (never more than a post's 4000). */
    CALL_TITLE_LENGTH("callTitleLength", 256, "characters of a call's title (at most 4000, a post's length)"),
    /** Posts one user may write per minute, call threads and call-start posts included (token bucket rate). */
    POSTS_PER_MINUTE("postsPerMinute", 60, "posts one user may write per minute, the posts that start calls included"),
    /** Posts one user may write at once before the rate applies (token bucket depth). */
    POST_BURST("postBurst", 20, "posts one user may write in one burst"),
    /** Users whose post rate is remembered at once; beyond it the least recently active one is forgotten. */
    POST_RATE_USERS("postRateUsers", 10000,
            "users whose post rate is tracked at once; beyond it the least recently active is forgotten"),
    /** Posts one page of a channel's timeline may hold, so no request makes the server load a whole channel. */
    TIMELINE_PAGE_POSTS("timelinePagePosts", 200, "posts one page of a channel's timeline may hold (per_page above it is 400)"),

    // Media engine
    /**
     * Sources (SSRCs, or sending m-sections without one) one media session may publish. Mattermost's client
     * sends three (voice, screen, screen audio); simulcast adds two. An offer over it is refused whole.
     */
    PUBLISHED_SOURCES_PER_SESSION("publishedSourcesPerSession", 16,
            "media sources (SSRCs) one session may announce in its offer; a larger offer is refused with too_many_sources"),
    /**
     * Retransmission (NACK) history one session may hold over all its video tracks, in KiB. Slots are
     * allocated as packets arrive, about 1.2 KB each: a screen share's 512 packets take ≈ 0.6 MiB.
     */
    NACK_HISTORY_KIB_PER_SESSION("nackHistoryKibPerSession", 4096,
            "KiB of retransmission history one session may hold over all its video tracks"),
    /**
     * Lost packets of one published video track the engine asks its publisher for at once (RFC 4585 §6.2.1):
     * at 5 % loss a 2.5 Mbit/s screen share misses about 13 a second. A larger loss asks for a keyframe instead.
     */
    NACK_MISSING_PACKETS("nackMissingPackets", 256,
            "lost packets of one published video track the engine asks its publisher for at once; a larger loss asks for a keyframe instead"),
    /** Times one lost packet is asked for, about once a round trip, as libwebrtc's receiver does (10). */
    NACK_RETRIES("nackRetries", 10,
            "times the engine asks a publisher for one lost video packet before it gives up and asks for a keyframe"),
    /** How long a lost packet is worth asking for: later, a keyframe repairs the picture sooner. */
    NACK_MAX_AGE_MILLIS("nackMaxAgeMillis", 1000,
            "milliseconds the engine keeps asking a publisher for a lost video packet before it asks for a keyframe instead"),
    /** NACK packets a second about one video track; each names up to nackMissingPackets lost packets. */
    NACKS_PER_SECOND("nacksPerSecond", 50, "NACK packets a second the engine sends a publisher about one video track"),
    /** Threads that run DTLS handshakes; each holds one until its handshake ends (at most rtcConnectTimeoutSeconds). */
    DTLS_HANDSHAKE_THREADS("dtlsHandshakeThreads", 32, "threads that run DTLS handshakes at once"),
    /** Handshakes waiting for a thread; one more is refused and counted, and the session retries on its next check. */
    DTLS_HANDSHAKE_QUEUE("dtlsHandshakeQueue", 256,
            "DTLS handshakes (and post-handshake DTLS records) waiting for a thread before more are refused"),
    /** Voice packets a second one published audio track may send (Opus sends 50, or 100 at 10 ms frames). */
    AUDIO_PACKETS_PER_SECOND("audioPacketsPerSecond", 200,
            "packets a second one published audio track may send; more are dropped (rate_limited)"),
    /** Audio packets one track may send at once before the rate applies (a network hiccup delivers them together). */
    AUDIO_PACKET_BURST("audioPacketBurst", 100, "audio packets one track may send in one burst"),
    /** Video packets a second one published video track may send (a 2.5 Mbit/s screen share sends ≈ 260). */
    VIDEO_PACKETS_PER_SECOND("videoPacketsPerSecond", 2500,
            "packets a second one published video track may send; more are dropped (rate_limited)"),
    /** Video packets one track may send at once: a screen's keyframe is hundreds of packets. */
    VIDEO_PACKET_BURST("videoPacketBurst", 2000, "video packets one track may send in one burst (keyframes)"),
    /** STUN transaction ids remembered per session, so that a replayed check cannot move the media path. */
    ICE_TRANSACTIONS_REMEMBERED("iceTransactionsRemembered", 64,
            "recent ICE check transaction ids remembered per session to recognise replays"),
    /** Error replies a second to STUN checks from unknown sources, over the whole port. */
    STUN_REFUSALS_PER_SECOND("stunRefusalsPerSecond", 200,
            "error replies a second to STUN checks from unknown sources, for the whole media port; more are dropped"),
    /** Error replies to unknown sources sent at once before the rate applies. */
    STUN_REFUSAL_BURST("stunRefusalBurst", 200, "error replies to unknown STUN sources sent in one burst"),
    /**
     * ICE-TCP connections open before an authenticated ICE check bound them to a session (each holds one
     * frame, about 2 KiB, for at most the ICE timeout); one more is closed at once.
     */
    UNAUTHENTICATED_ICE_TCP_CONNECTIONS("unauthenticatedIceTcpConnections", 256,
            "ICE-TCP connections open before their first ICE check authenticated them, all clients together; more are closed at once"),
    /** What one ICE-TCP connection may have waiting to be sent, in KiB: about a second of a screen share. */
    ICE_TCP_SEND_BUFFER_KIB("iceTcpSendBufferKib", 256,
            "KiB waiting to be sent on one ICE-TCP connection; a client that reads slower is disconnected"),
    /** Session events waiting for the server's one delivery thread; past it they are dropped and counted. */
    MEDIA_EVENT_QUEUE("mediaEventQueue", 65_536,
            "session events from the engine waiting to be delivered to the server; more are dropped and counted (events_dropped)"),

    // Sign-in and accounts (REST)
    /** Bytes of a REST request body; a larger one is refused (413) before it is read in full. */
    REQUEST_BODY_BYTES("requestBodyBytes", 65_536, "bytes of a REST request body (413 above)"),
    /** Bytes of a sign-in request body: a name and a password need little, and nobody is signed in yet. */
    LOGIN_BODY_BYTES("loginBodyBytes", 4_096, "bytes of a sign-in request body (413 above)"),
    /** Nesting depth of a JSON request body; the contract's bodies need 2. */
    JSON_DEPTH("jsonDepth", 16, "nesting depth of arrays and objects in a JSON request body (400) or WebSocket frame (bad_frame)"),
    /** Characters of a password, checked on sign-in before any hashing work. */
    PASSWORD_CHARS("passwordChars", 128, "characters of a password (400 above, before any hashing)"),
    /** Failed sign-ins in a row for one account from one source address that lock that pair. */
    LOGIN_FAILURES_PER_ACCOUNT("loginFailuresPerAccount", 5,
            "failed sign-ins in a row for one account from one source address before that pair is locked"),
    /** Seconds a (source address, account) pair stays locked. */
    LOGIN_LOCK_SECONDS("loginLockSeconds", 60, "seconds a (source address, account) pair stays locked (429)"),
    /** Failed sign-ins one source address may make per minute (token bucket rate). */
    LOGIN_FAILURES_PER_MINUTE("loginFailuresPerMinute", 30,
            "failed sign-ins a source address may make per minute before it gets 429 without any hashing"),
    /** Failed sign-ins one source address may make at once before the rate applies (token bucket depth). */
    LOGIN_FAILURE_BURST("loginFailureBurst", 30, "failed sign-ins a source address may make in one burst"),
    /** Source addresses and (source, account) pairs each sign-in tracker remembers; the least recent go first. */
    LOGIN_TRACKED("loginTracked", 100_000,
            "source addresses, and (source, account) pairs, each sign-in tracker remembers (least recent forgotten)"),
    /** Sign-in sessions (tokens) one user may hold; signing in past it revokes that user's oldest. */
    TOKENS_PER_USER("tokensPerUser", 50, "sign-in sessions (tokens) per user; a new sign-in past it revokes the oldest");

    private static final String PREFIX = "calls.limit.";

    private final String name;
    private final int defaultValue;
    private final String description;
    private volatile int value;

    Limit(String name, int defaultValue, String description) {
        this.name = name;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** The limit in force: the system property's value when it is a positive integer, the default otherwise. */
    public int value() {
        int current = value;
        if (current == 0) {
            current = read();
            value = current;
        }
        return current;
    }

    /** The system property that changes this limit. */
    public String property() {
        return PREFIX + name;
    }

    public int defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    private int read() {
        String text = System.getProperty(property());
        if (text == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(text.trim());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // refused below, with the property's name
        }
        System.getLogger(Limit.class.getName()).log(Level.WARNING,
                "{0}={1} is not a positive integer; the default {2} stays", property(), text, defaultValue);
        return defaultValue;
    }
}
