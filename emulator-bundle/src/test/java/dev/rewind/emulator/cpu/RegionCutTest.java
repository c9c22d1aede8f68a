package dev.rewind.emulator.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.jit.BlockSpec;
import dev.rewind.emulator.jit.Translator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An oversized region keeps the longest prefix of its blocks whose method fills at most {@code RegionCut.SHARE}% of
 * the limit (default) or half of them, halved until it fits ({@code -Drewind.jit.cut=halves}), in region order; a
 * region that fits stays whole; a single block is always kept.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RegionCutTest {

    static List<BlockSpec> blocks(int n) {
        List<BlockSpec> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            long pc = 0x8000_0000L + 4L * k;
            out.add(new BlockSpec(pc, new int[1], new long[1], new int[] {0, 4}, pc + 4, 0, false, null));
        }
        return out;
    }

    /** A method of {@code per} bytes per block (the blocks' count is all a fake translation looks at). */
    static Translator.Result size(List<BlockSpec> p, int per) {
        return new Translator.Result(new byte[0], p.size() * per);
    }

    @Test
    void anOversizedRegionKeepsTheLongestPrefixThatFits() {
        int limit = Translator.codeLimit(blocks(1));
        int per = (int) ((long) limit * RegionCut.SHARE / 100 / 13);   // 13 blocks fill the prefix's share, 14 do not
        List<BlockSpec> all = blocks(20);
        List<Integer> tried = new ArrayList<>();
        RegionCut.Cut cut = RegionCut.cut(all, size(all, per), p -> {
            tried.add(p.size());
            return size(p, per);
        }, true);
        assertThat(cut.count()).isEqualTo(13);
        assertThat(cut.result().codeSize()).isLessThanOrEqualTo(limit * RegionCut.SHARE / 100).isEqualTo(13 * per);
        assertThat(tried).as("a binary search, not a walk").hasSizeLessThanOrEqualTo(6);
        RegionCut.Cut halves = RegionCut.cut(all, size(all, per), p -> size(p, per), false);
        assertThat(halves.count()).as("halves: 20 -> 10").isEqualTo(10);
        assertThat(halves.result().codeSize()).isEqualTo(10 * per);
    }

    @Test
    void aRegionThatFitsStaysWholeAndOneBlockIsAlwaysKept() {
        int limit = Translator.codeLimit(blocks(1));
        List<BlockSpec> all = blocks(20);
        for (boolean prefix : new boolean[] {true, false}) {
            RegionCut.Cut whole = RegionCut.cut(all, size(all, limit / 20), p -> {
                throw new AssertionError("no translation of a prefix needed");
            }, prefix);
            assertThat(whole.count()).isEqualTo(20);
            RegionCut.Cut one = RegionCut.cut(all, size(all, limit * 2), p -> size(p, limit * 2), prefix);
            assertThat(one.count()).isEqualTo(1);
        }
    }
}
