package dev.calls.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The interface of the IPv4 default route, read from the kernel's routing table as Linux prints it in
 * {@code /proc/net/route}: a header line, then one line a route with the columns Iface, Destination,
 * Gateway, Flags, RefCnt, Use, Metric, Mask, … (addresses and flags in hexadecimal). A default route has
 * destination and mask 0 and the flag RTF_UP; of several, the lowest metric is the one the kernel uses,
 * and equal metrics are ordered by interface name so that the choice does not depend on the table's order.
 */
final class DefaultRoute {

    static final Path TABLE = Path.of("/proc/net/route");

    private static final int RTF_UP = 0x1;
    private static final String ANY = "00000000";

    private DefaultRoute() {
    }

    /** The lines of this machine's routing table; none where the kernel does not publish it (not Linux). */
    static List<String> systemTable() {
        try {
            return Files.readAllLines(TABLE);
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The default route's interface in a table of {@code /proc/net/route}'s form, if there is one. */
    static Optional<String> interfaceOf(List<String> table) {
        return table.stream().skip(1)
                .map(line -> line.trim().split("\\s+"))
                .filter(DefaultRoute::isDefault)
                .min(Comparator.<String[]>comparingLong(columns -> Long.parseLong(columns[6]))
                        .thenComparing(columns -> columns[0]))
                .map(columns -> columns[0]);
    }

    private static boolean isDefault(String[] columns) {
        if (columns.length < 8 || !ANY.equals(columns[1]) || !ANY.equals(columns[7])) {
            return false;
        }
        try {
            Long.parseLong(columns[6]);
            return (Integer.parseInt(columns[3], 16) & RTF_UP) != 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
