package dev.calls.load.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.calls.load.signaling.ServerMetrics;

/**
 * The metrics of a server running as another process (WildFly): CPU and RSS from /proc, heap from
 * {@code jcmd <pid> GC.run} then {@code jcmd <pid> GC.heap_info}, which needs no server configuration,
 * only the same user as the server's JVM and a JDK's jcmd on the PATH.
 */
public final class ExternalProcessMetrics implements ServerMetrics {

    /** G1's and the other collectors' summary line, e.g. "garbage-first heap   total 262144K, used 63213K". */
    private static final Pattern USED = Pattern.compile("total \\d+K, used (\\d+)K");

    private final String pid;

    public ExternalProcessMetrics(long pid) {
        this.pid = Long.toString(pid);
    }

    @Override
    public long cpuNanos() {
        return ProcFiles.cpuNanos(pid);
    }

    @Override
    public long heapAfterGcBytes() {
        if (jcmd("GC.run") == null) {
            return -1;
        }
        String info = jcmd("GC.heap_info");
        Matcher used = info == null ? null : USED.matcher(info);
        return used != null && used.find() ? Long.parseLong(used.group(1)) * 1024 : -1;
    }

    @Override
    public long rssBytes() {
        return ProcFiles.rssBytes(pid);
    }

    @Override
    public String method() {
        return "server process " + pid + ": CPU utime+stime from /proc/" + pid + "/stat, RSS from /proc/" + pid
                + "/status, heap from jcmd GC.run + GC.heap_info";
    }

    private String jcmd(String command) {
        try {
            Process process = new ProcessBuilder("jcmd", pid, command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0 ? output : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
