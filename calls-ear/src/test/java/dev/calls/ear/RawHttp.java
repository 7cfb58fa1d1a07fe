package dev.calls.ear;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 written by hand on a socket: what a hostile client sends (any header, a body of any size, one the
 * server stops reading), and from a chosen loopback source address (127.0.0.2, 127.0.0.3, …), so a test can
 * be an attacker and a bystander at once on one machine. The body is written on its own thread while the
 * reply is read, as a server may answer before the body is done; a write the server cut short is not an error.
 */
public final class RawHttp {

    /** Writes a request body to the server. */
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private final URI api;
    private final String source;

    public RawHttp(URL base, String source) {
        this.api = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/").resolve("api/v1/");
        this.source = source;
    }

    /** A JSON body with its length declared. */
    public Api.Reply postJson(String path, String json) {
        return post(path, "application/json", json);
    }

    /** A body with its length declared, as {@code contentType} (no Content-Type header when null). */
    public Api.Reply post(String path, String contentType, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<String> headers = new ArrayList<>(List.of("Content-Length: " + bytes.length));
        if (contentType != null) {
            headers.add("Content-Type: " + contentType);
        }
        return send("POST", path, headers, out -> out.write(bytes));
    }

    /** The login request of {@link Api#login}, from this source. */
    public Api.Reply login(String username, String password) {
        return postJson("users/login", "{\"login_id\":\"" + username + "\",\"password\":\"" + password + "\"}");
    }

    /** Sends {@code method path} with the given header lines (Host and Connection: close are added). */
    public Api.Reply send(String method, String path, List<String> headers, Body body) {
        URI target = api.resolve(path);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(source, 0));
            socket.connect(new InetSocketAddress(target.getHost(), target.getPort()), 10_000);
            socket.setSoTimeout(60_000);
            StringBuilder head = new StringBuilder(method + " " + target.getRawPath() + " HTTP/1.1\r\n")
                    .append("Host: ").append(target.getHost()).append(':').append(target.getPort()).append("\r\n")
                    .append("Connection: close\r\n");
            headers.forEach(h -> head.append(h).append("\r\n"));
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Thread writer = new Thread(() -> {
                try {
                    body.writeTo(out);
                    out.flush();
                } catch (IOException e) {
                    // the server answered and stopped reading: what a bound is for
                }
            }, "raw-http-body");
            writer.start();
            Api.Reply reply = parse(socket.getInputStream().readAllBytes());
            writer.join(60_000);
            return reply;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Api.Reply parse(byte[] raw) throws IOException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no HTTP reply head in: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
        }
        byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
        List<String> encoding = headers.get("Transfer-Encoding");
        if (encoding != null && encoding.get(0).toLowerCase(Locale.ROOT).contains("chunked")) {
            body = unchunk(body);
        }
        return new Api.Reply(status, new String(body, StandardCharsets.UTF_8), HttpHeaders.of(headers, (name, value) -> true));
    }

    /** The data of a chunked body (RFC 9112 section 7.1). */
    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String text = new String(chunked, StandardCharsets.ISO_8859_1);
        int at = 0;
        while (true) {
            int lineEnd = text.indexOf("\r\n", at);
            int size = Integer.parseInt(text.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }

    /** {@code bytes} of filler, in a body that says nothing valid. */
    public static Body filler(long bytes) {
        return out -> {
            byte[] block = new byte[64 * 1024];
            Arrays.fill(block, (byte) 'a');
            for (long left = bytes; left > 0; left -= block.length) {
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        };
    }

    /** {@code bytes} of filler, sent as HTTP/1.1 chunks (RFC 9112 section 7.1), so no length is declared. */
    public static Body chunkedFiller(long bytes) {
        return out -> {
            byte[] block = new byte[64 * 1024];
            Arrays.fill(block, (byte) 'a');
            for (long left = bytes; left > 0; left -= block.length) {
                int size = (int) Math.min(block.length, left);
                out.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(block, 0, size);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        };
    }
}
