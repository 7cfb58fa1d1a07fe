package dev.calls.load.client;

/**
 * Takes the datagrams of one {@link UdpEndpoint}. Called on the network thread the endpoint belongs to,
 * always the same one, so an implementation needs no locking for state only it touches. The buffer
 * belongs to that thread and is reused after the call returns.
 */
@FunctionalInterface
public interface DatagramReceiver {

    void onDatagram(byte[] buf, int off, int len, long receivedNanos);
}
