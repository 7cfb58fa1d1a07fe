package dev.calls.load.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LongSummaryStatistics;
import java.util.stream.Stream;

/**
 * Reads Linux's per-process accounting (proc(5)): CPU time from {@code /proc/<pid>/stat} (utime and stime,
 * fields 14 and 15, in clock ticks) and the resident set from {@code /proc/<pid>/status} (VmRSS), and the
 * machine's softirq time, load average and processor.
 */
public final class ProcFiles {

    /** USER_HZ: 100 on every Linux architecture the JDK runs on (sysconf(_SC_CLK_TCK)). */
    static final long TICKS_PER_SECOND = 100;

    private ProcFiles() {
    }

    /** User plus system CPU time of the process, in nanoseconds; -1 if it cannot be read. */
    public static long cpuNanos(String pid) {
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            // The command name (field 2) is in parentheses and may hold spaces: count fields after its ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * (1_000_000_000L / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * User plus system CPU time of every task whose name ({@code /proc/<pid>/comm}) starts with
     * {@code namePrefix}, in nanoseconds; -1 if there is none. For kernel threads, which belong to no process
     * the tool could be given.
     */
    public static long cpuNanosOfTasksNamed(String namePrefix) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc"))) {
            LongSummaryStatistics found = tasks
                    .filter(task -> task.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(task -> nameOf(task).startsWith(namePrefix))
                    .mapToLong(task -> cpuNanos(task.getFileName().toString())).filter(nanos -> nanos >= 0)
                    .summaryStatistics();
            return found.getCount() == 0 ? -1 : found.getSum();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String nameOf(Path task) {
        try {
            return Files.readString(task.resolve("comm")).trim();
        } catch (IOException e) {
            return ""; // the task ended while the list was read
        }
    }

    /** The resident set size in bytes; -1 if it cannot be read. */
    public static long rssBytes(String pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /**
     * CPU time the whole machine has spent in software interrupts, in nanoseconds (the softirq column of the
     * {@code cpu} line of {@code /proc/stat}, sampled by the kernel at each tick); -1 if it cannot be read.
     * On loopback the kernel delivers a datagram into its receiving socket in a softirq run by the sending
     * thread, so this is where the simulated clients' receive work hides inside the server's CPU time.
     */
    public static long softirqNanos() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            return Long.parseLong(fields[7]) * (1_000_000_000L / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The 1-minute load average, or -1. */
    public static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The model name of the first processor in {@code /proc/cpuinfo}, or "unknown". */
    public static String processorModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
