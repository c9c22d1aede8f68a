package dev.rewind.emulator.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.jit.BlockSpec;
import dev.rewind.emulator.jit.Translator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The prefix cut starts at a guess from the whole region's translation ({@code RegionCut.guess}: its size less the code
 * of the blocks after the prefix, {@code Translator.Result.blockEnds}) and keeps the same prefix as the plain binary
 * search (the longest that fits), with fewer translations when the guess is close.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RegionCutGuessTest {

    /** A fake method: an entry of {@code head} bytes, the blocks' sizes, {@code stub} bytes per block cut off. */
    static Translator.Result method(int[] sizes, int m, int head, int stub, boolean ends) {
        int[] at = new int[m];
        int off = head;
        for (int k = 0; k < m; k++) {
            off += sizes[k];
            at[k] = off;
        }
        return new Translator.Result(new byte[0], off + stub * (sizes.length - m), ends ? at : new int[0]);
    }

    static RegionCut.Cut cut(int[] sizes, int head, int stub, boolean ends, List<Integer> tried) {
        List<BlockSpec> all = RegionCutTest.blocks(sizes.length);
        return RegionCut.cut(all, method(sizes, sizes.length, head, stub, ends), p -> {
            tried.add(p.size());
            return method(sizes, p.size(), head, stub, ends);
        }, true);
    }

    @Test
    void theGuessKeepsTheLongestPrefixThatFitsWithFewerTranslations() {
        int limit = Translator.codeLimit(RegionCutTest.blocks(1)) * RegionCut.SHARE / 100;
        int[] sizes = new int[40];
        java.util.Arrays.fill(sizes, limit / 17);
        List<Integer> guessed = new ArrayList<>();
        List<Integer> plain = new ArrayList<>();
        RegionCut.Cut g = cut(sizes, 100, 0, true, guessed);
        RegionCut.Cut p = cut(sizes, 100, 0, false, plain);
        assertThat(g.count()).isEqualTo(p.count()).isEqualTo(16);
        assertThat(guessed).as("the guess and the prefix one longer").hasSize(2).contains(16, 17);
        assertThat(plain.size()).isGreaterThan(guessed.size());
    }

    @Test
    void aWrongGuessStillFindsTheSamePrefix() {
        int limit = Translator.codeLimit(RegionCutTest.blocks(1)) * RegionCut.SHARE / 100;
        Random r = new Random(7);
        for (int round = 0; round < 200; round++) {
            int n = 2 + r.nextInt(47);
            int[] sizes = new int[n];
            for (int k = 0; k < n; k++) {
                sizes[k] = 1 + r.nextInt(limit / 6);
            }
            int stub = r.nextInt(60);   // cut-off blocks' exits: the guess errs
            List<Integer> guessed = new ArrayList<>();
            RegionCut.Cut g = cut(sizes, 50, stub, true, guessed);
            RegionCut.Cut p = cut(sizes, 50, stub, false, new ArrayList<>());
            assertThat(g.count()).as("round %d", round).isEqualTo(p.count());
            assertThat(g.result().codeSize()).isEqualTo(p.result().codeSize());
            assertThat(guessed.size()).isLessThanOrEqualTo(RegionCut.GUESS ? 4 + 6 : 6);
        }
    }
}
