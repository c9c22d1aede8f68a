package dev.rewind.mcd.backend;

import dev.rewind.mcd.api.Addr;
import dev.rewind.mcd.api.TraceCycle;
import dev.rewind.mcd.api.TraceFrame;
import dev.rewind.mcd.api.TraceMarker;
import java.util.ArrayList;
import java.util.List;

/**
 * Instruction trace of one hart: a ring buffer of the most recent {@code capacity}
 * executed instructions (pc, instruction bits, length, per-hart instruction index). Filled
 * on the machine thread, read under the target's lock. Frame 0 is the oldest kept.
 */
final class TraceRing {
    private final int hart;
    private final int memSpaceId;
    private final long[] pcs;
    private final int[] bits;
    private final byte[] lengths;
    private final long[] index;
    private long count;

    TraceRing(int hart, int capacity, int memSpaceId) {
        this.hart = hart;
        this.memSpaceId = memSpaceId;
        this.pcs = new long[capacity];
        this.bits = new int[capacity];
        this.lengths = new byte[capacity];
        this.index = new long[capacity];
    }

    void add(long pc, int insnBits, int length, long instructionIndex) {
        int slot = (int) (count % pcs.length);
        pcs[slot] = pc;
        bits[slot] = insnBits;
        lengths[slot] = (byte) length;
        index[slot] = instructionIndex;
        count++;
    }

    int capacity() {
        return pcs.length;
    }

    /** Frames currently held. */
    long frames() {
        return Math.min(count, pcs.length);
    }

    /** Frames ever added (not reset by wrap-around). */
    long count() {
        return count;
    }

    boolean wrapped() {
        return count > pcs.length;
    }

    void clear() {
        count = 0;
    }

    List<TraceFrame> read(long start, int n) {
        long held = frames();
        long first = count - held;
        List<TraceFrame> out = new ArrayList<>();
        for (long i = start; i < held && out.size() < n; i++) {
            int slot = (int) ((first + i) % pcs.length);
            int marker = i == held - 1 ? TraceMarker.DEBUG.bit() : TraceMarker.NONE.bit();
            out.add(new TraceFrame(index[slot], marker, TraceCycle.EXECUTE, Addr.of(memSpaceId, pcs[slot]),
                    bits[slot] & 0xFFFF_FFFFL, lengths[slot], 0, hart, 0));
        }
        return out;
    }
}
