package dev.calls.media.sfu;

import java.net.InetSocketAddress;

/**
 * How an ICE restart (RFC 8445 §9) changes the way the engine finds a session: by the local ufrag a check
 * names, while its address is not bound yet, and by the addresses its checks validated.
 */
interface IceRoutes {

    /** Checks naming this new local ufrag reach the session. */
    void ufragIssued(String localUfrag);

    /** Checks naming this local ufrag no longer do. */
    void ufragRetired(String localUfrag);

    /** Media moved to {@code path}: the session's other addresses are dropped. */
    void pathSwitched(InetSocketAddress path);
}
