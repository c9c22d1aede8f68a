package dev.rewind.mcd.backend;

import dev.rewind.mcd.api.Addr;
import dev.rewind.mcd.api.TraceCycle;
import dev.rewind.mcd.api.TraceFrame;
import dev.rewind.mcd.api.TraceMarker;
import java.util.ArrayList;
import java.util.List;

/**
 * Instruction trace of one hart: the most recent {@code capacity} executed instructions of the current timeline
 * (pc, instruction bits, length, per-hart instruction index), always a contiguous run of instruction indexes.
 * Filled on the machine thread, read under the target's lock. Frame 0 is the oldest kept.
 *
 * <p>The engine reports blocks as they are entered; a block may be left early (end of a quantum, a trap, a stop).
 * So a block is kept pending and recorded when the hart enters its next block (or the trace is read), with as many
 * instructions as the hart retired in between.
 *
 * <p>Time travel: blocks are recorded while the engine replays history too. An instruction index already held is
 * history being executed again: the frames from there on are rewritten (so a reverse step or continue, whose last
 * replay ends where it lands, leaves the trace ending there, and a forward replay refills what follows). An index
 * before the oldest frame or beyond a gap starts the trace afresh. Reads report only the frames before the
 * instruction the hart retires next ({@link #flush}), so nothing later than the current time shows as history.
 */
final class TraceRing {
    private final int hart;
    private final int memSpaceId;
    private final long[] pcs;
    private final int[] bits;
    private final byte[] lengths;
    /** Instruction index of the oldest frame held, and one past the newest. */
    private long first;
    private long next;
    /** Frames ever recorded (including history recorded again while replaying). */
    private long count;
    private boolean wrapped;
    /** The hart's retired count at the last flush: frames from there on are not reported. */
    private long limit;
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
    }

    /** The hart enters a block, having retired {@code retired} instructions so far. */
    void enter(long[] pcs, int[] insnBits, int[] insnLengths, long retired) {
        flush(retired);
        pendingPcs = pcs;
        pendingBits = insnBits;
        pendingLengths = insnLengths;
        pendingRetired = retired;
    }

    /**
     * Records the pending block's instructions that retired, the hart now having retired {@code retired}, and
     * reports frames only before that index from now on. A count that does not fit the block (the machine was
     * restored to another time meanwhile) records nothing.
     */
    void flush(long retired) {
        if (pendingPcs != null) {
            long n = retired - pendingRetired;
            if (n > 0 && n <= pendingPcs.length) {
                for (int i = 0; i < n; i++) {
                    add(pendingPcs[i], pendingBits[i], pendingLengths[i], pendingRetired + i);
                }
            }
            pendingPcs = null;
        }
        limit = retired;
    }

    void add(long pc, int insnBits, int length, long instructionIndex) {
        if (next == first || instructionIndex < first || instructionIndex > next) {
            first = instructionIndex;
            next = instructionIndex;
            wrapped = false;
        } else if (instructionIndex < next) {
            next = instructionIndex;
        }
        int slot = (int) (instructionIndex % pcs.length);
        pcs[slot] = pc;
        bits[slot] = insnBits;
        lengths[slot] = (byte) length;
        next++;
        if (next - first > pcs.length) {
            first = next - pcs.length;
            wrapped = true;
        }
        count++;
    }

    int capacity() {
        return pcs.length;
    }

    /** Frames reported: those held that lie before the current time. */
    long frames() {
        return Math.max(0, Math.min(next, limit) - first);
    }

    /** Frames ever recorded (not reset by wrap-around). */
    long count() {
        return count;
    }

    /** Whether older frames of the held run were dropped for lack of room. */
    boolean wrapped() {
        return wrapped;
    }

    void clear() {
        first = next = 0;
        count = 0;
        wrapped = false;
        pendingPcs = null;
    }

    List<TraceFrame> read(long start, int n) {
        long held = frames();
        List<TraceFrame> out = new ArrayList<>();
        for (long i = start; i < held && out.size() < n; i++) {
            long index = first + i;
            int slot = (int) (index % pcs.length);
            int marker = i == held - 1 ? TraceMarker.DEBUG.bit() : TraceMarker.NONE.bit();
            out.add(new TraceFrame(index, marker, TraceCycle.EXECUTE, Addr.of(memSpaceId, pcs[slot]),
                    bits[slot] & 0xFFFF_FFFFL, lengths[slot], 0, hart, 0));
        }
        return out;
    }
}
