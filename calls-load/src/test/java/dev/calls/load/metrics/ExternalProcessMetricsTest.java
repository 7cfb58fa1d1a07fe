package dev.calls.load.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The used heap read from {@code jcmd GC.heap_info} as Java 17's collectors print it. */
class ExternalProcessMetricsTest {

    @Test
    void g1PrintsKilobytesAfterTotal() {
        String info = """
                 garbage-first heap   total 262144K, used 63213K [0x00000000c0000000, 0x0000000100000000)
                  region size 1024K, 12 young (12288K), 2 survivors (2048K)
                 Metaspace       used 9142K, committed 9344K, reserved 1114112K
                """;
        assertEquals(63213L * 1024, ExternalProcessMetrics.usedHeapBytes(info));
    }

    @Test
    void shenandoahPrintsItsOwnLineInTheUnitItChooses() {
        String info = """
                Shenandoah Heap
                 6028M max, 6028M soft max, 378M committed, 22528K used
                 3014 x 2048K regions
                 Metaspace       used 9142K, committed 9344K, reserved 1114112K
                """;
        assertEquals(22528L * 1024, ExternalProcessMetrics.usedHeapBytes(info));
        assertEquals(97L << 20, ExternalProcessMetrics.usedHeapBytes(" 1024M max, 1024M soft max, 512M committed, 97M used"));
    }

    @Test
    void anOutputWithoutAHeapLineIsNotMeasured() {
        assertEquals(-1, ExternalProcessMetrics.usedHeapBytes(" Metaspace       used 9142K, committed 9344K"));
    }
}
