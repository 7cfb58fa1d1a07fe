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
    /** Shenandoah's, e.g. " 1024M max, 1024M soft max, 378M committed, 22528K used", in K, M or G. */
    private static final Pattern SHENANDOAH_USED = Pattern.compile("committed, (\\d+)([KMG]) used");

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
        return info == null ? -1 : usedHeapBytes(info);
    }

    /** The used heap in {@code GC.heap_info}'s output, or -1 when it names none the tool knows. */
    static long usedHeapBytes(String heapInfo) {
        Matcher used = USED.matcher(heapInfo);
        if (used.find()) {
            return Long.parseLong(used.group(1)) << 10;
        }
        Matcher shenandoah = SHENANDOAH_USED.matcher(heapInfo);
        if (shenandoah.find()) {
            int shift = switch (shenandoah.group(2)) {
                case "K" -> 10;
                case "M" -> 20;
                default -> 30;
            };
            return Long.parseLong(shenandoah.group(1)) << shift;
        }
        return -1;
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
