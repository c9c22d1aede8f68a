package dev.rewind.emulator.jit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.isa.Op;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link LoadFed}: registers written by loads or atomics, and what is computed from them, across blocks. */
class LoadFedTest {

    private static int w(int op, int rd, int r1, int r2) {
        return op | rd << 8 | r1 << 16 | r2 << 24;
    }

    private static BlockSpec block(long pc, int... code) {
        int[] offs = new int[code.length + 1];
        for (int i = 0; i <= code.length; i++) {
            offs[i] = 4 * i;
        }
        return new BlockSpec(pc, code, new long[code.length], offs, pc + 4L * code.length, 0, false, null);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void loadsAndWhatIsComputedFromThemAreFedAcrossBlocks() {
        // block 2 computes x12 from x11, which block 1 computes from x10, which block 0 loads (in that order, so the
        // fixpoint needs more than one pass); x13 is an induction variable; stores and x0 feed nothing
        BlockSpec second = block(0x1010, w(Op.ADD, 12, 11, 0), w(Op.ADDI, 13, 13, 0), w(Op.SW, 32, 13, 12));
        BlockSpec first = block(0x1008, w(Op.ADDI, 11, 10, 0), w(Op.LW, 32, 13, 0));
        BlockSpec loads = block(0x1000, w(Op.LW, 10, 14, 0), w(Op.AMOADD_W, 15, 13, 14));
        long fed = LoadFed.of(List.of(second, first, loads));
        assertThat(fed).isEqualTo(1L << 10 | 1L << 11 | 1L << 12 | 1L << 15);
        assertThat(LoadFed.of(List.of(block(0x2000, w(Op.ADDI, 13, 13, 0), w(Op.SB, 32, 13, 13))))).isZero();
    }
}
