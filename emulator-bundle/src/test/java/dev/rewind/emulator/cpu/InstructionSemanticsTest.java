package dev.rewind.emulator.cpu;

import static dev.rewind.emulator.cpu.TestMachines.run;
import static dev.rewind.emulator.cpu.TestMachines.x;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.Machine;
import org.junit.jupiter.api.Test;

/** Per-instruction semantics through the test assembler, with the spec's edge cases. */
class InstructionSemanticsTest {

    /** Loads a 32-bit constant into reg (lui + addi, sign-extended). */
    static String li(String reg, int v) {
        int lo = (v << 20) >> 20;
        int hi = (v - lo) >>> 12;
        return "lui " + reg + ",0x" + Integer.toHexString(hi) + "\naddi " + reg + "," + reg + "," + lo + "\n";
    }

    /** RV64: loads a sign-extended 32-bit constant (lui + addiw). */
    static String li64(String reg, int v) {
        return li(reg, v).replace("addi ", "addiw ");
    }

    /** RV64: loads a zero-extended 32-bit constant. */
    static String liu64(String reg, int v) {
        return li64(reg, v) + "slli " + reg + "," + reg + ",32\nsrli " + reg + "," + reg + ",32\n";
    }

    @Test
    void divisionByZeroAndOverflowRv64() {
        Machine m = run(64, li64("a0", 7) + li64("a1", 0)
                + "div s0,a0,a1\ndivu s1,a0,a1\nrem s2,a0,a1\nremu s3,a0,a1\n"
                + "addi t0,zero,-1\nslli a2,t0,63\n" // a2 = Long.MIN_VALUE
                + "div s4,a2,t0\nrem s5,a2,t0\n"
                + li64("a3", 0x80000000) + "divw s6,a3,t0\nremw s7,a3,t0\ndivuw s8,a0,zero\nremw s9,a0,zero\n"
                + li64("a4", -7) + "addi a5,zero,2\ndiv s10,a4,a5\nrem s11,a4,a5\nremuw t3,a4,a5\n");
        assertThat(x(m, "s0")).isEqualTo(-1);
        assertThat(x(m, "s1")).isEqualTo(-1);
        assertThat(x(m, "s2")).isEqualTo(7);
        assertThat(x(m, "s3")).isEqualTo(7);
        assertThat(x(m, "s4")).isEqualTo(Long.MIN_VALUE);
        assertThat(x(m, "s5")).isZero();
        assertThat(x(m, "s6")).isEqualTo(Integer.MIN_VALUE);
        assertThat(x(m, "s7")).isZero();
        assertThat(x(m, "s8")).isEqualTo(-1);
        assertThat(x(m, "s9")).isEqualTo(7);
        assertThat(x(m, "s10")).isEqualTo(-3);
        assertThat(x(m, "s11")).isEqualTo(-1);
        assertThat(x(m, "t3")).isEqualTo(1); // 0xFFFFFFF9 % 2
    }

    @Test
    void divisionRv32KeepsValuesSignExtended() {
        Machine m = run(32, li("a0", 0x80000000) + "addi t0,zero,-1\ndiv s0,a0,t0\nrem s1,a0,t0\n"
                + "divu s2,a0,zero\nremu s3,a0,zero\n" + li("a1", -1) + "mulh s4,a1,a1\nmulhu s5,a1,a1\n"
                + "mulhsu s6,a1,a1\nmul s7,a0,a0\n" + li("a2", 0x7fffffff) + "addi s8,a2,1\n");
        assertThat(x(m, "s0")).isEqualTo(Integer.MIN_VALUE);
        assertThat(x(m, "s1")).isZero();
        assertThat(x(m, "s2")).isEqualTo(-1);
        assertThat(x(m, "s3")).isEqualTo(Integer.MIN_VALUE);
        assertThat(x(m, "s4")).isZero();                  // (-1*-1)>>32
        assertThat(x(m, "s5")).isEqualTo(-2);             // 0xFFFFFFFE
        assertThat(x(m, "s6")).isEqualTo(-1);             // -1 * 0xFFFFFFFF >> 32
        assertThat(x(m, "s7")).isZero();
        assertThat(x(m, "s8")).isEqualTo(Integer.MIN_VALUE); // wraps, sign-extended
    }

    @Test
    void shiftsMaskTheirAmount() {
        Machine m = run(64, "addi a0,zero,1\naddi t0,zero,64\naddi t1,zero,63\nsll s0,a0,t0\nsll s1,a0,t1\n"
                + "addi t2,zero,-1\nsrl s2,t2,t1\nsra s3,t2,t1\nslli s4,a0,63\nsrai s5,s4,63\nsrli s6,s4,63\n"
                + "addi t3,zero,32\nsllw s7,a0,t3\nslliw s8,a0,31\nsrliw s9,t2,1\nsraiw s10,s8,31\nsraw s11,s8,t1\n");
        assertThat(x(m, "s0")).isEqualTo(1);
        assertThat(x(m, "s1")).isEqualTo(Long.MIN_VALUE);
        assertThat(x(m, "s2")).isEqualTo(1);
        assertThat(x(m, "s3")).isEqualTo(-1);
        assertThat(x(m, "s4")).isEqualTo(Long.MIN_VALUE);
        assertThat(x(m, "s5")).isEqualTo(-1);
        assertThat(x(m, "s6")).isEqualTo(1);
        assertThat(x(m, "s7")).isEqualTo(1);              // shamt 32 & 31 = 0
        assertThat(x(m, "s8")).isEqualTo(Integer.MIN_VALUE); // sign-extended
        assertThat(x(m, "s9")).isEqualTo(0x7FFFFFFF);
        assertThat(x(m, "s10")).isEqualTo(-1);
        assertThat(x(m, "s11")).isEqualTo(-1);            // 63 & 31 = 31
        Machine m32 = run(32, "addi a0,zero,1\naddi t0,zero,32\nsll s0,a0,t0\nslli s1,a0,31\nsrai s2,s1,31\n"
                + "srli s3,s1,31\n");
        assertThat(x(m32, "s0")).isEqualTo(1);
        assertThat(x(m32, "s1")).isEqualTo(Integer.MIN_VALUE);
        assertThat(x(m32, "s2")).isEqualTo(-1);
        assertThat(x(m32, "s3")).isEqualTo(1);
    }

    @Test
    void wordOpsSignExtendOnRv64() {
        Machine m = run(64, li64("a0", 0x7fffffff) + "addi a1,zero,1\naddw s0,a0,a1\naddiw s1,a0,1\n"
                + "subw s2,zero,a1\nmulw s3,a0,a0\nadd s4,a0,a1\nlui s5,0x80000\nauipc s6,0\n"
                + li64("a2", 0xdeadbeef) + "slt s7,a2,zero\nsltu s8,zero,a2\nsltiu s9,a1,-1\nslti s10,a2,0\n");
        assertThat(x(m, "s0")).isEqualTo(Integer.MIN_VALUE);
        assertThat(x(m, "s1")).isEqualTo(Integer.MIN_VALUE);
        assertThat(x(m, "s2")).isEqualTo(-1);
        assertThat(x(m, "s3")).isEqualTo(1);
        assertThat(x(m, "s4")).isEqualTo(0x80000000L);
        assertThat(x(m, "s5")).isEqualTo(0xFFFFFFFF80000000L);
        assertThat(x(m, "s6")).isEqualTo(TestMachines.RAM + 20 + 9 * 4);
        assertThat(x(m, "s7")).isEqualTo(1);
        assertThat(x(m, "s8")).isEqualTo(1);
        assertThat(x(m, "s9")).isEqualTo(1);
        assertThat(x(m, "s10")).isEqualTo(1);
    }

    @Test
    void loadsStoresAndMisalignedAccessesArePerformed() {
        long buf = TestMachines.RAM + 0x1FFC; // 4 bytes before a page boundary
        Machine m = run(64, liu64("s0", (int) buf) + li64("a0", 0x11223344) + "slli a1,a0,32\nor a1,a1,a0\n"
                + "sd a1,0(s0)\nld s1,0(s0)\nlw s2,1(s0)\nlh s3,3(s0)\nlbu s4,7(s0)\nlb s5,-1(s0)\n"
                + li64("a2", -2) + "sh a2,5(s0)\nlhu s6,5(s0)\nlh s7,5(s0)\nlwu s8,4(s0)\n");
        assertThat(x(m, "s1")).isEqualTo(0x1122334411223344L);
        assertThat(x(m, "s2")).isEqualTo(0x44112233);
        assertThat(x(m, "s3")).isEqualTo(0x4411);
        assertThat(x(m, "s4")).isEqualTo(0x11);
        assertThat(x(m, "s5")).isZero();
        assertThat(x(m, "s6")).isEqualTo(0xFFFE);
        assertThat(x(m, "s7")).isEqualTo(-2);
        assertThat(x(m, "s8")).isEqualTo(0x11FFFE44L);
    }

    @Test
    void compressedInstructionsExecuteLikeTheirExpansion() {
        Machine m = run(32, "c.li a0,-3\nc.addi a0,5\nc.mv a1,a0\nc.add a1,a0\nc.slli a1,3\n"
                + "c.addi4spn s0,sp,16\nc.lui a2,0x1f\nc.srai a1,1\nc.andi a1,-4\nc.sub a1,s0\n"
                + "c.addi16sp sp,-32\n" + li("sp", (int) (TestMachines.RAM + 0x8000)) + "c.swsp a0,8(sp)\nc.lwsp a3,8(sp)\n"
                + "c.mv s1,sp\nc.sw a3,4(s1)\nc.lw a4,4(s1)\nc.bnez s0,skip\nc.li a5,1\nskip:\nc.nop\n");
        assertThat(x(m, "a0")).isEqualTo(2);
        assertThat(x(m, "s0")).isEqualTo(16);
        assertThat(x(m, "a2")).isEqualTo(0x1f000);
        assertThat(x(m, "a1")).isEqualTo(((32 >> 1) & -4) - 16);
        assertThat(x(m, "a3")).isEqualTo(2);
        assertThat(x(m, "a4")).isEqualTo(2);
        assertThat(x(m, "a5")).isZero();
    }

    @Test
    void branchesAndJumps() {
        Machine m = run(64, "addi a0,zero,-1\naddi a1,zero,1\nblt a0,a1,l1\naddi s0,zero,9\n"
                + "l1: bltu a0,a1,bad\nbge a1,a0,l2\nbad: addi s1,zero,9\nl2: bgeu a0,a1,l3\naddi s2,zero,9\n"
                + "l3: jal ra,f\naddi s3,s3,1\njal zero,end\nf: jalr zero,0(ra)\nend:\n");
        assertThat(x(m, "s0")).isZero();
        assertThat(x(m, "s1")).isZero();
        assertThat(x(m, "s2")).isZero();
        assertThat(x(m, "s3")).isEqualTo(1);
    }

    @Test
    void selfModifyingCodeSeesItsStores() {
        // overwrite the instruction at 'patch' with "addi s0,zero,42" and execute it
        int insn = new dev.rewind.emulator.isa.Assembler(32).encode("addi s0,zero,42", 0);
        Machine m = run(32, "auipc t0,0\n" + li("t1", insn) + "sw t1,28(t0)\nfence.i\naddi zero,zero,0\n"
                + "patch: addi s0,zero,1\n");
        assertThat(x(m, "s0")).isEqualTo(42);
    }
}
