package dev.rewind.emulator.cpu;

import dev.rewind.emulator.jit.BlockSpec;
import dev.rewind.emulator.jit.Translator;
import java.util.List;
import java.util.function.Function;

/**
 * Where a region whose method is too large is cut ({@link JitControl}): the blocks stay in region order (head first,
 * breadth-first), and the region keeps either half of them, halved again until it fits (default), or the longest
 * prefix whose method fits ({@code -Drewind.jit.cut=prefix}). Halves throw away up to half of the room: on CoreMark
 * the caller's region of core_state_transition (27 blocks, 6,186 bytes) kept 14 blocks, and cut-off blocks became
 * regions of their own in the middle of loops (a 2-instruction block in core_bench_list's find loop). The prefix cut
 * leaves regions 14% less often on CoreMark, but its bigger regions measured mixed (session 9: CoreMark -4..+6%,
 * bench -4..-5%, work-mix +5..+12%). Which blocks a region keeps changes only which code runs them, never what the
 * guest sees.
 */
final class RegionCut {
    private RegionCut() {
    }

    /** The longest fitting prefix ({@code -Drewind.jit.cut=prefix}) or halves (default). */
    static final boolean PREFIX = "prefix".equals(System.getProperty("rewind.jit.cut"));

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
        int n = specs.size();
        if (n == 1 || fits(all, specs)) {
            return new Cut(n, all);
        }
        if (!prefix) {
            Translator.Result r = all;
            while (n > 1 && !fits(r, specs.subList(0, n))) {
                n = (n + 1) / 2;
                r = translate.apply(specs.subList(0, n));
            }
            return new Cut(n, r);
        }
        // (the method's size grows with its blocks: binary search for the longest prefix that fits)
        int lo = 1;
        int hi = n - 1;
        Cut best = null;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            List<BlockSpec> p = specs.subList(0, mid);
            Translator.Result r = translate.apply(p);
            if (mid == 1 || fits(r, p)) {
                best = new Cut(mid, r);
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return best;
    }

    private static boolean fits(Translator.Result r, List<BlockSpec> specs) {
        return r.codeSize() <= Translator.codeLimit(specs);
    }
}
