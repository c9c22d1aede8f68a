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
 *
 * <p>The engine reports blocks as they are entered; a block may be left early (end of a
 * quantum, a trap, a stop). So a block is kept pending and recorded when the hart enters its
 * next block (or the trace is read), with as many instructions as the hart retired in between.
 */
final class TraceRing {
    private final int hart;
    private final int memSpaceId;
    private final long[] pcs;
    private final int[] bits;
    private final byte[] lengths;
    private final long[] index;
    private long count;
    private long[] pendingPcs;
    private int[] pendingBits;
    private int[] pendingLengths;
    private long pendingRetired;

    TraceRing(int hart, int capacity, int memSpaceId) {
        this.hart = hart;
        this.memSpaceId = memSpaceId;
        this.pcs = new long[capacity];
        this.bits = new int[capacity];
        this.lengths = new byte[capacity];
        this.index = new long[capacity];
    }

    /** The hart enters a block, having retired {@code retired} instructions so far. */
    void enter(long[] pcs, int[] insnBits, int[] insnLengths, long retired) {
        flush(retired);
        pendingPcs = pcs;
        pendingBits = insnBits;
        pendingLengths = insnLengths;
        pendingRetired = retired;
    }

    /** Records the pending block's instructions that retired, the hart now having retired {@code retired}. */
    void flush(long retired) {
        if (pendingPcs != null) {
            long n = Math.min(pendingPcs.length, Math.max(0, retired - pendingRetired));
            for (int i = 0; i < n; i++) {
                add(pendingPcs[i], pendingBits[i], pendingLengths[i], pendingRetired + i);
            }
            pendingPcs = null;
        }
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
        pendingPcs = null;
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
