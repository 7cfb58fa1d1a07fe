package dev.calls.ear;

import java.net.MalformedURLException;
import java.net.URL;

/** The server's Prometheus endpoint on the management interface, as a scraper sees it. */
final class Prometheus {

    private static final URL ENDPOINT;

    static {
        try {
            ENDPOINT = new URL("http://127.0.0.1:9990/prometheus");
        } catch (MalformedURLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String text;

    private Prometheus(String text) {
        this.text = text;
    }

    static Prometheus scrape() {
        Http.Reply reply = Http.get(ENDPOINT, "prometheus");
        if (reply.status() != 200) {
            throw new AssertionError("scraping " + ENDPOINT + ": " + reply.status() + " " + reply.body());
        }
        return new Prometheus(reply.body());
    }

    /**
     * The value of the sample named {@code name} whose labels contain {@code label} (for example
     * {@code direction="in"}; empty for any). Fails when there is none.
     */
    double value(String name, String label) {
        for (String line : text.split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            String sampleName = brace >= 0 && brace < space ? line.substring(0, brace) : line.substring(0, Math.max(space, 0));
            if (sampleName.equals(name) && line.substring(0, space).contains(label)) {
                return Double.parseDouble(line.substring(space + 1));
            }
        }
        throw new AssertionError("no sample " + name + " with " + label + " in:\n" + calls());
    }

    /** The lines about Calls, for failure messages. */
    String calls() {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.contains("calls_media")) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }
}
