package dev.calls.media.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What a benchmark's per-invocation setup allocated (for example the browser-side encryption of the next
 * packet), reported beside the score so that it can be taken out of {@code gc.alloc.rate.norm}, which
 * counts every byte the benchmark thread allocated: measured bytes per op = norm - setupBytes / setups.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class SetupAllocation {

    public long setupBytes;
    public long setups;
    private long start;

    @Setup(Level.Iteration)
    public void reset() {
        setupBytes = 0;
        setups = 0;
    }

    public void begin() {
        start = AllocationMeter.currentThreadAllocatedBytes();
    }

    public void end() {
        setupBytes += AllocationMeter.currentThreadAllocatedBytes() - start;
        setups++;
    }
}
