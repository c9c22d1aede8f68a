package dev.rewind.emulator.cpu;

import dev.rewind.emulator.jit.BlockSpec;
import dev.rewind.emulator.jit.Translator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Where a region whose method is too large is cut ({@link JitControl}). The blocks stay in region order (head first,
 * breadth-first); the region keeps the longest prefix whose method fills at most {@link #SHARE}% of the size limit
 * (default), or half of them, halved again until it fits ({@code -Drewind.jit.cut=halves}, the rule before session 9).
 * Halves threw away up to half of the room: on CoreMark the caller's region of core_state_transition (27 blocks,
 * 6,186 bytes) kept 14, and cut-off blocks became regions of their own in the middle of loops (a 2-instruction block
 * in core_bench_list's find loop). Measured (PlainRun cpu-mips, 3-4 alternating rounds, load 5-7): CoreMark-25k
 * +3..+5% (RV32) and +2..+4% (RV64), every round up; bench-rv64 +3%, bench-rv32, work-mem and work-mix within noise;
 * the other guests have no region over the limit (same formation). Filling the whole limit instead left regions 14%
 * less often on CoreMark but ran bench and work-mem 4% slower: regions just under the limit run slower per
 * instruction. Regions that fit are never cut. Which blocks a region keeps changes only which code runs them, never
 * what the guest sees.
 */
final class RegionCut {
    private RegionCut() {
    }

    /** The longest prefix that fits (default) or halves ({@code -Drewind.jit.cut=halves}, A/B). */
    static final boolean PREFIX = !"halves".equals(System.getProperty("rewind.jit.cut"));

    /**
     * Percent of the size limit a prefix cut fills at most ({@code -Drewind.jit.cutShare}, experiments; 100 = the whole
     * limit, measured slower on bench and work-mem).
     */
    static final int SHARE = Integer.getInteger("rewind.jit.cutShare", 85);
    /**
     * Percent of the short-block limit ({@link #SHORT_CODE}) a prefix cut fills at most when regions take paths back
     * from their warm exits ({@link RegionForm#WARM_RUN}; {@code -Drewind.jit.wideShare}): a region formed to hold a
     * loop that spans functions keeps the loop's last blocks.
     */
    static final int WIDE_SHARE = Integer.getInteger("rewind.jit.wideShare", 100);

    /**
     * Whether regions at the short-block limit enter their loops through copies ({@code jit.LoopEntries};
     * {@code -Drewind.jit.wideEntries=true}): without, only when regions take paths back ({@link RegionForm#WARM_RUN}).
     * The copies took 1,500 of k-state-rv32's 8,900-byte region with paths back, which then lost its float loop to
     * the cut.
     */
    static final boolean WIDE_ENTRIES = Boolean.getBoolean("rewind.jit.wideEntries");

    /** Whether a region cut at {@code max} enters its loops through copies ({@link #WIDE_ENTRIES}). */
    static boolean loopCopies(int max) {
        return max <= Translator.MAX_CODE_BYTES || WIDE_ENTRIES || RegionForm.WARM_RUN <= 0;
    }

    /** The share of limit {@code max} a prefix cut fills at most. */
    static int share(int max) {
        return max > Translator.MAX_CODE_BYTES && RegionForm.WARM_RUN > 0 ? WIDE_SHARE : SHARE;
    }

    /**
     * Size limit of regions of short blocks ({@code -Drewind.jit.shortCode}; 0: none, {@code Translator.MAX_CODE_BYTES}
     * for every region): a region averaging fewer than {@link #SHORT_BLOCK} instructions per block (a state machine's
     * tangle of branches, as CoreMark's core_state_transition, 3.8 per block) is cut at this size instead, when it
     * leaves to what the default cut dropped ({@link #SHORT_RUN}). CoreMark's core_bench_state loop with the callee's
     * first blocks (27 blocks, 5,716 bytes) was cut to 19 and left to the rest every 33 instructions. Measured (PlainRun
     * cpu-mips, alternating rounds, load 5-7): CoreMark-25k +5.9% RV32 (5 rounds, 5 of 5 up), RV64 -0.1% and +1.9% (5
     * and 3 rounds); every SCALE=5 project guest forms the same regions as without. Applied to every region of short
     * blocks at once ({@code shortRun=0}): CoreMark +4%, but bench -4..-5% (its main, 39 blocks of 3.0 instructions,
     * calls out rather than leaving to its dropped blocks).
     */
    static final int SHORT_CODE = Integer.getInteger("rewind.jit.shortCode", 7900);
    /**
     * With {@link #SHORT_CODE}: only regions that the default limit cut and that then left to the blocks the cut dropped
     * at least once per this many instructions in their exit sample ({@link ExitHeat}) are formed again, from all their
     * blocks, with the short-block limit ({@code -Drewind.jit.shortRun}; 0: every region of short blocks gets it at
     * once).
     */
    static final int SHORT_RUN = Integer.getInteger("rewind.jit.shortRun", 64);
    /** Instructions per block below which a region is one of short blocks ({@code -Drewind.jit.shortBlock}). */
    static final double SHORT_BLOCK = Double.parseDouble(System.getProperty("rewind.jit.shortBlock", "4"));

    /**
     * The size limit for a region of these blocks (regions without probes; probes have their own), {@code shortCode}
     * for one of short blocks ({@link #SHORT_CODE}, or a test's).
     */
    static int limit(List<Block> region, int shortCode) {
        if (shortCode <= 0) {
            return Translator.MAX_CODE_BYTES;
        }
        int n = 0;
        for (Block b : region) {
            n += b.n;
        }
        return n < SHORT_BLOCK * region.size() ? shortCode : Translator.MAX_CODE_BYTES;
    }

    /**
     * Per machine: which regions get the short-block limit ({@link #SHORT_CODE}, {@link #SHORT_RUN}; tests set
     * {@code code} and {@code run}): the regions of short blocks the default limit cut, by head, with all their blocks,
     * until their exit sample ends; and the heads formed again with all of them.
     */
    static final class Shorts {
        int code = SHORT_CODE;
        int run = SHORT_RUN;
        /** {@link RegionForm#WARM_RUN} of this machine (tests set it; 0: no paths back). */
        int warmRun = RegionForm.WARM_RUN;
        /** Heads formed again with the paths back from their warm exits. */
        long warmed;
        private final Map<Long, Block[]> cut = new HashMap<>();
        private final Set<Long> widened = new HashSet<>();
        /** Per widened head: the exits (per instruction run) of the sample of the region the default limit cut. */
        private final Map<Long, Map<Long, Double>> cutExits = new HashMap<>();
        /** Per widened head: the blocks of the region the default limit cut. */
        private final Map<Long, Block[]> cutKept = new HashMap<>();
        /** Per head formed with paths back: its warm exits, most frequent first ({@link RegionForm#warm}). */
        private final Map<Long, List<Long>> warm = new HashMap<>();
        /** Per head formed with paths back: the blocks of its widened region, taken after the paths back. */
        private final Map<Long, Block[]> rest = new HashMap<>();

        /** The exits the region headed at head takes the paths back from when formed again ({@link RegionForm#warm}). */
        List<Long> warm(long head) {
            return warm.getOrDefault(head, List.of());
        }

        /** The blocks the region headed at head takes after the paths back from its warm exits (none: empty). */
        Block[] rest(long head) {
            return rest.getOrDefault(head, new Block[0]);
        }

        /** The size limit of the region headed at head. */
        int limit(long head, List<Block> region) {
            return widened.contains(head) ? code : RegionCut.limit(region, run > 0 ? 0 : code);
        }

        /** The region headed at head was formed of {@code region} and kept {@code kept} of its blocks under limit. */
        void formed(long head, List<Block> region, int kept, int limit) {
            if (run > 0 && kept < region.size() && !widened.contains(head) && RegionCut.limit(region, code) > limit) {
                cut.put(head, region.toArray(Block[]::new));
            }
        }

        /**
         * All blocks of j's region when the default limit cut it, it is one of short blocks and its exit sample, just
         * ended ({@code heat}), left to the blocks the cut dropped at least once per {@code run} instructions (its head
         * is then formed again with them, at the short-block limit); else null.
         */
        Block[] leavesToCut(JitCode j, ExitHeat heat) {
            long head = j.blocks[0].pc;
            Block[] whole = cut.get(head);
            if (whole == null || !heat.sampled(j) || heat.ran() == 0) {
                return null;
            }
            long dropped = 0;
            for (int k = j.blocks.length; k < whole.length; k++) {
                dropped += heat.exits(whole[k].pc);
            }
            if (dropped * run < heat.ran()) {
                return null;
            }
            cut.remove(head);
            widened.add(head);
            FormLog.next(FormLog.SHORTS);
            if (warmRun > 0) {
                cutExits.put(head, heat.warm(warmRun));
                cutKept.put(head, j.blocks);
            }
            return whole;
        }

        /**
         * j's blocks when j is the region of a head formed again with the short-block limit, the exit sample of that
         * region just ended and it left to some block at least once per {@link RegionForm#WARM_RUN} instructions: its
         * head is formed once more, with the paths back from those exits ({@link RegionForm#grow(Block, Block[],
         * List, Block[])}); else null.
         */
        Block[] warmed(JitCode j, ExitHeat heat) {
            long head = j.blocks[0].pc;
            if (warmRun <= 0 || !widened.contains(head) || warm.containsKey(head) || !heat.sampled(j)) {
                return null;
            }
            Map<Long, Double> w = new HashMap<>(heat.warm(warmRun));
            Map<Long, Double> before = cutExits.getOrDefault(head, Map.of());
            before.forEach((pc, r) -> w.merge(pc, r, Math::max));
            List<Long> order = new java.util.ArrayList<>(w.keySet());
            order.sort((a, b) -> w.get(a).equals(w.get(b)) ? Long.compare(a, b) : Double.compare(w.get(b), w.get(a)));
            warm.put(head, order);
            rest.put(head, j.blocks);
            if (order.isEmpty() || !cutKept.containsKey(head)) {
                return null;
            }
            warmed++;
            FormLog.next(FormLog.WARMED);
            return cutKept.get(head);
        }
    }

    /** A translation of the first {@code count} blocks. */
    record Cut(int count, Translator.Result result) {
    }

    /**
     * The blocks the region keeps and their translation, given the whole region's translation {@code all}.
     * {@code translate} translates a prefix of the specs; a single block is always kept. {@code prefix}: the longest
     * prefix that fits, else halves.
     */
    static Cut cut(List<BlockSpec> specs, Translator.Result all, Function<List<BlockSpec>, Translator.Result> translate,
            boolean prefix) {
        return cut(specs, all, translate, prefix, Translator.MAX_CODE_BYTES);
    }

    /** {@link #cut(List, Translator.Result, Function, boolean)} with the size limit {@code max} (regions without probes). */
    static Cut cut(List<BlockSpec> specs, Translator.Result all, Function<List<BlockSpec>, Translator.Result> translate,
            boolean prefix, int max) {
        int n = specs.size();
        if (n == 1 || fits(all, specs, max)) {
            return new Cut(n, all);
        }
        if (!prefix) {
            Translator.Result r = all;
            while (n > 1 && !fits(r, specs.subList(0, n), max)) {
                n = (n + 1) / 2;
                r = translate.apply(specs.subList(0, n));
            }
            return new Cut(n, r);
        }
        // (the method's size grows with its blocks: binary search for the longest prefix that fits, its first two
        // tries at the guess and next to it)
        int lo = 1;
        int hi = n - 1;
        Cut best = null;
        long delta = 0;
        for (int t = 0; lo <= hi; t++) {
            int mid = (lo + hi) >>> 1;
            int guess = GUESS && t < GUESSES ? guess(specs, all, max, delta) : 0;
            if (guess > 0) {
                // (next to the last try when the guess repeats it: lo = last + 1 after a fit, hi = last - 1 after none)
                mid = Math.max(lo, Math.min(hi, guess));
            }
            List<BlockSpec> p = specs.subList(0, mid);
            Translator.Result r = translate.apply(p);
            delta = r.codeSize() - estimate(all, specs.size(), mid);
            if (mid == 1 || r.codeSize() <= (long) Translator.codeLimit(p, max) * share(max) / 100) {
                best = new Cut(mid, r);
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return best;
    }

    /**
     * Whether the cut starts its search at a guess from the whole region's translation ({@link #guess}; {@code
     * -Drewind.jit.cutGuess=false}: a plain binary search, A/B). Same prefix either way (the longest that fits): fewer
     * translations of it (CoreMark-25k-rv32: 9 cut regions took 50 translations, a third of the main thread's
     * translation time).
     */
    static final boolean GUESS = !"false".equals(System.getProperty("rewind.jit.cutGuess"));

    /**
     * The longest prefix whose method the whole translation {@code all} suggests fits: its size less the code of the
     * blocks after the prefix ({@link Translator.Result#blockEnds}), plus {@code delta} (the last try's error);
     * 0 when unknown.
     */
    static int guess(List<BlockSpec> specs, Translator.Result all, int max, long delta) {
        int n = specs.size();
        if (all.blockEnds().length != n) {
            return 0;
        }
        for (int m = n - 1; m > 1; m--) {
            if (estimate(all, n, m) + delta <= (long) Translator.codeLimit(specs.subList(0, m), max) * share(max) / 100) {
                return m;
            }
        }
        return 1;
    }

    /** The size of the first m of the n blocks' method as the whole translation suggests ({@link #guess}). */
    private static long estimate(Translator.Result all, int n, int m) {
        int[] ends = all.blockEnds();
        return ends.length != n ? 0 : all.codeSize() - (ends[n - 1] - ends[m - 1]);
    }

    /** Tries that start at a guess ({@link #guess}, corrected by the last try's error); then halves. */
    private static final int GUESSES = 4;

    private static boolean fits(Translator.Result r, List<BlockSpec> specs, int max) {
        return r.codeSize() <= Translator.codeLimit(specs, max);
    }
}
