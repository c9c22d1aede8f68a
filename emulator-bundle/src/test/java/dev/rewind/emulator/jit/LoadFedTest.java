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

    private static BlockSpec block(long pc, long[] imm, int... code) {
        BlockSpec b = block(pc, code);
        return new BlockSpec(pc, code, imm, b.offs(), b.endPc(), 0, false, null);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void tableLookupsAtLoadedIndexesAreNotFedButPointerChasesAre() {
        // work-fsm: add s6,t4,a2; lbu s6,0(s6); add s7,t6,s6; lbu s7,0(s7) (s6, s7 are loaded, so fed in the region);
        // work-crc: xor a7,t1,s3; andi a7,a7,255; slli a7,a7,2; add a7,a2,a7; lw t5,0(a7);
        // a pointer chase: lw a0,0(a0); a loaded word as an index: lw t1; add t2,a1,t1; lbu 0(t2);
        // an index too large to stay near its base: andi 4095 then slli 2; an index shifted into a pointer: xor.
        BlockSpec b = block(0x3000, new long[] {0, 0, 0, 0, 0, 255, 2, 0, 0, 0, 0, 0, 0, 0, 4095, 2, 0, 0, 0, 0, 0},
                w(Op.ADDW, 22, 29, 12), w(Op.LBU, 22, 22, 0), w(Op.ADDW, 23, 31, 22), w(Op.LBU, 23, 23, 0),
                w(Op.XOR, 17, 6, 19), w(Op.ANDI, 17, 17, 0), w(Op.SLLIW, 17, 17, 0), w(Op.ADDW, 17, 12, 17),
                w(Op.LW, 30, 17, 0),
                w(Op.LW, 10, 10, 0), w(Op.LW, 32, 10, 0),
                w(Op.LW, 6, 7, 0), w(Op.ADD, 7, 11, 6), w(Op.LBU, 32, 7, 0),
                w(Op.ANDI, 28, 6, 0), w(Op.SLLI, 28, 28, 0), w(Op.ADD, 28, 11, 28), w(Op.LBU, 32, 28, 0),
                w(Op.XOR, 28, 22, 0), w(Op.ADD, 28, 11, 28), w(Op.LBU, 32, 28, 0));
        long fed = LoadFed.of(List.of(b));
        assertThat(fed & (1L << 22 | 1L << 23 | 1L << 17 | 1L << 10)).as("flow-insensitive: loaded somewhere")
                .isEqualTo(1L << 22 | 1L << 23 | 1L << 17 | 1L << 10);
        boolean[] at = LoadFed.fedBases(b, fed);
        assertThat(new boolean[] {at[1], at[3], at[8]}).as("text[i], cls[ch], table[(h ^ ch) & 255]")
                .containsOnly(false);
        assertThat(new boolean[] {at[10], at[13], at[17], at[20]})
                .as("a chased pointer, a loaded word, a large index, an index changed by xor").containsOnly(true);
    }
}
