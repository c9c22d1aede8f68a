package dev.rewind.emulator.cpu;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where regions leave to ({@link JitControl}): a region formed from what was hot first may leave, call after call, to
 * code that got hot after it (a function pointer's second callee: work-mix's list_sort formed while it sorted by value
 * left to by_index once per comparison when it sorted by index, 55% of the guest's trips). Each region counts where
 * {@link #SAMPLE} of its first calls (after {@link #START}) left to; a leaf function ({@link Block#leaf}) outside it, not
 * one of its blocks' direct successors, in a region with an indirect call (the callee it missed), left to at least once per {@link #GAP}
 * instructions the region ran (not a share of its exits: once a region keeps its loop, its cold exits take that share)
 * becomes one of its head's hot exits, and the region is formed again from
 * its blocks and them ({@link RegionForm#grow}; an indirect call takes them as callees). At most {@link #ROUNDS} times
 * per head. Counts are of the guest's execution and the slice loop's calls, both deterministic; only which code runs
 * changes, never what the guest sees. Measured (PlainRun, 3 alternating rounds, load 5-8): work-mix +11% (RV32) and
 * +15% (RV64), work-calls +16% and +14%, trips on work-mix 58 -> 131 instructions per trip; other project guests form
 * the same regions. {@code -Drewind.jit.reform=false}: off (A/B).
 */
final class ExitHeat {
    static final boolean ON = !"false".equals(System.getProperty("rewind.jit.reform"));
    static final int SAMPLE = Integer.getInteger("rewind.jit.reformSample", 4096);
    /** Calls after {@link #END} that may still end the sample (a call at END may have run nothing). */
    static final int LATE = 64;
    /**
     * The sample: calls START+1..END of a region (counted by {@link JitControl#cap}, within its warm calls): early, so
     * that the region formed again is the one HotSpot compiles (later, the first one's C2 compilation was thrown away).
     */
    static final int START = Math.min(Integer.getInteger("rewind.jit.reformStart", 1000),
            JitControl.WARM_CALLS - SAMPLE - LATE);
    static final int END = ON ? START + SAMPLE : -LATE;
    static final int GAP = Integer.getInteger("rewind.jit.reformGap", 256);
    /**
     * Hot exits must be leaf functions ({@link Block#leaf}). {@code -Drewind.jit.reformLeaves=false}: any block, and the
     * blocks reached from it, depth-first: CoreMark-25k left its regions 19% less often but ran 6% slower (RV32 and
     * RV64; the copies filled its regions up to the cut), work-mix +1..2% only.
     */
    static final boolean LEAVES = !"false".equals(System.getProperty("rewind.jit.reformLeaves"));
    static final int ROUNDS = Integer.getInteger("rewind.jit.reformRounds", 2);
    /** Instructions a region may copy from its hot exits on (beyond {@link JitControl#MAX_COPIED}). */
    static final int HOT_COPIED = Integer.getInteger("rewind.jit.hotCopied", 64);

    /**
     * The exits of the sample that the last {@link #exited} call ended, by pc (and the instructions run: {@link #ran}),
     * and whose it was; empty and null after a call that ended none.
     */
    private Map<Long, long[]> last = Map.of();
    private JitCode lastOf;

    /** Whether the last {@link #exited} call ended j's sample (true for that one call only). */
    boolean sampled(JitCode j) {
        return lastOf == j;
    }

    /** Times the sample the last call ended left to pc. */
    long exits(long pc) {
        long[] c = last.get(pc);
        return c == null ? 0 : c[0];
    }

    /** Instructions the regions of the sample the last call ended ran. */
    long ran() {
        return exits(RAN);
    }

    /**
     * The pcs the sample the last call ended left to at least once per {@code per} instructions it ran, with their
     * exits per instruction run (empty when the last call ended none).
     */
    Map<Long, Double> warm(int per) {
        long ran = ran();
        Map<Long, Double> out = new HashMap<>();
        for (Map.Entry<Long, long[]> e : last.entrySet()) {
            if (e.getKey() != RAN && ran > 0 && e.getValue()[0] * per >= ran) {
                out.put(e.getKey(), (double) e.getValue()[0] / ran);
            }
        }
        return out;
    }

    /** Exits counted per region being sampled. */
    private final Map<JitCode, ExitCounts> sampling = new IdentityHashMap<>();
    /** The last region counted and its counts (the next call is often of the same region), or null. */
    private JitCode cachedOf;
    private ExitCounts cached;
    /** Key of the instructions run during the sample (no pc is -1: pcs are aligned). */
    private static final long RAN = -1;
    /** Hot exits per region head (pc), most frequent first, and how many times each head was formed again. */
    private final Map<Long, Set<Long>> hot = new HashMap<>();
    private final Map<Long, Integer> rounds = new HashMap<>();
    long reformed;

    /** The hot exits of the region headed at pc (empty when none). */
    Set<Long> hot(long pc) {
        Set<Long> s = hot.get(pc);
        return s == null ? Set.of() : s;
    }

    /**
     * Region j's call (its {@code e}-th, counted by {@link JitControl#cap}) ran {@code ran} slots and left at pc;
     * returns the head's hot exits when this call ended j's sample and found new ones (j is to be formed again), else
     * null.
     */
    Set<Long> exited(JitCode j, long pc, long ran, int e, CodeCache code) {
        if (lastOf != null) {
            last = Map.of();
            lastOf = null;
        }
        ExitCounts c = j == cachedOf ? cached : sampling.get(j);
        if (c == null) {
            if (e >= END) {
                return null;
            }
            if (sampling.size() >= 64) {
                sampling.keySet().removeIf(r -> r.blocks[0].jit != r);
            }
            c = new ExitCounts();
            sampling.put(j, c);
        }
        cachedOf = j;
        cached = c;
        c.add(pc);
        c.ran += ran;
        if (e < END) {
            return null;
        }
        sampling.remove(j);
        cachedOf = null;
        cached = null;
        Map<Long, long[]> m = c.toMap(RAN);
        long head = j.blocks[0].pc;
        last = m;
        lastOf = j;
        if (rounds.getOrDefault(head, 0) >= ROUNDS) {
            return null;
        }
        Set<Long> own = new TreeSet<>();
        boolean calls = !LEAVES;
        for (Block b : j.blocks) {
            own.add(b.pc);
            calls |= b.indirectCall();
            if (LEAVES) {
                // (a leaf a block jumps to directly: formation already takes it when it fits; leaves the cut dropped,
                // appended again, measured CoreMark-25k-rv64 -5%)
                // (not after a jalr: a call's callees are what this is for, a leaf's next pc is the next function)
                boolean indirect = (b.code[b.n - 1] & 0xFF) == dev.rewind.emulator.isa.Op.JALR;
                for (long t : indirect ? new long[0] : JitControl.successors(b)) {
                    own.add(t);
                }
            }
        }
        List<Long> found = new ArrayList<>();
        for (long pc0 : new TreeSet<>(m.keySet())) {
            Block t = code.lookup(pc0);
            if (calls && pc0 != RAN && m.get(pc0)[0] * GAP >= m.get(RAN)[0] && !own.contains(pc0) && t != null && t.valid
                    && t.translatable() && (t.leaf() || !LEAVES)) {
                found.add(pc0);
                if (JitControl.DUMP) {
                    System.err.println("HOT " + Long.toHexString(head) + " -> " + Long.toHexString(pc0) + " exits "
                            + m.get(pc0)[0] + " of " + m.size() + " pcs, ran " + m.get(RAN)[0]);
                }
            }
        }
        Map<Long, long[]> n = m;
        found.sort((a, b) -> Long.compare(n.get(b)[0], n.get(a)[0]));
        Set<Long> s = hot.computeIfAbsent(head, x -> new LinkedHashSet<>());
        if (!s.addAll(found)) {
            return null;
        }
        rounds.merge(head, 1, Integer::sum);
        reformed++;
        FormLog.next(FormLog.HEAT);
        return s;
    }
}
