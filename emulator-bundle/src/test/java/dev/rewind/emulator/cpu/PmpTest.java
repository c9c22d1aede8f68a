package dev.rewind.emulator.cpu;

import static dev.rewind.emulator.cpu.GuestTriggerTest.DATA;
import static dev.rewind.emulator.cpu.GuestTriggerTest.li;
import static dev.rewind.emulator.cpu.GuestTriggerTest.run;
import static dev.rewind.emulator.cpu.TestMachines.x;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.Machine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Physical memory protection: CSR layout and WARL rules, OFF/TOR/NA4/NAPOT matching, locks (M-mode checks and
 * immutability, TOR locking the previous address), U-mode checks on fetch, load and store with access faults and
 * mtval, MPRV. The handler {@link GuestTriggerTest#SKIP} counts traps (s9), keeps mcause (s10) and mtval (s11).
 */
class PmpTest {

    private static final long XM32 = 0xFFFFFFFFL;

    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    void csrLayoutAndWarl(int xlen) {
        Machine m = run(xlen, "addi t0,zero,-1\ncsrrw zero,0x3b0,t0\ncsrrs a0,0x3b0,zero\n"
                + "csrrw zero,0x3bf,t0\ncsrrs a1,0x3bf,zero\ncsrrw zero,0x3c0,t0\ncsrrs a2,0x3c0,zero\n"
                + "li_cfg: addi t0,zero,0x7a\ncsrrw zero,0x3a0,t0\ncsrrs a3,0x3a0,zero\n"
                + "csrrw zero,0x3a4,t0\ncsrrs a4,0x3a4,zero\ncsrrs a5,0x3a2,zero\n");
        assertThat(x(m, "s9")).as("no trap").isZero();
        long all = xlen == 32 ? -1L : (1L << 54) - 1;
        assertThat(x(m, "a0")).as("G=0: every address bit writable (RV64: 53:0)").isEqualTo(all);
        assertThat(x(m, "a1")).as("pmpaddr15 exists").isEqualTo(all);
        assertThat(x(m, "a2")).as("pmpaddr16: not implemented, zero").isZero();
        // 0x7a = 0111 1010: bits 6:5 zero, A=NAPOT(3), W=1 with R=0 -> W cleared
        assertThat(x(m, "a3")).as("pmpcfg0 byte 0 legalised").isEqualTo(0x18);
        assertThat(x(m, "a4")).as("pmpcfg4: not implemented, zero").isZero();
        if (xlen == 64) {
            Machine odd = run(64, "csrrs a0,0x3a1,zero\n");
            assertThat(x(odd, "s10")).as("pmpcfg1 does not exist on RV64").isEqualTo(2);
        }
    }

    /** Entry {@code i}: pmpaddr from {@code addrReg}, then its pmpcfg byte {@code cfg} (entries 0..3 only). */
    private static String entry(int i, String addrReg, int cfg) {
        return "csrrw zero," + (0x3b0 + i) + "," + addrReg + "\naddi t0,zero," + cfg + "\nslli t0,t0," + (8 * i)
                + "\ncsrrs zero,0x3a0,t0\n";
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    void lockedEntriesBindMachineModeAndFreeze(int xlen) {
        // entry 0: NA4 over DATA, locked, read-only; entry 2: TOR [DATA+0x100, DATA+0x200) locked, no permissions
        Machine m = run(xlen, li(xlen, "t2", DATA >> 2) + entry(0, "t2", 0x80 | 0x10 | 1)
                + li(xlen, "t3", (DATA + 0x100) >> 2) + entry(1, "t3", 0)
                + li(xlen, "t4", (DATA + 0x200) >> 2) + entry(2, "t4", 0x80 | 0x08)
                + li(xlen, "t5", DATA) + "lw a0,0(t5)\nsw a0,0(t5)\naddi s2,s9,0\naddi s3,s11,0\n"
                + "sw a0,4(t5)\nlw a1,0x100(t5)\naddi s4,s10,0\naddi s5,s11,0\nlw a1,0x200(t5)\naddi s6,s9,0\n"
                + "csrrw zero,0x3b0,zero\ncsrrs a2,0x3b0,zero\ncsrrw zero,0x3b1,zero\ncsrrs a3,0x3b1,zero\n"
                + "csrrw zero,0x3a0,zero\ncsrrs a4,0x3a0,zero\n");
        assertThat(x(m, "s2")).as("store to the locked read-only word").isEqualTo(1);
        assertThat(x(m, "s3") & XM32).isEqualTo(DATA);
        assertThat(x(m, "s4")).as("load from the locked TOR range: load access fault").isEqualTo(5);
        assertThat(x(m, "s5") & XM32).isEqualTo(DATA + 0x100);
        assertThat(x(m, "s6")).as("outside every entry M-mode may access").isEqualTo(2);
        assertThat(x(m, "a2") & XM32).as("locked pmpaddr0 ignores writes").isEqualTo(DATA >> 2);
        assertThat(x(m, "a3") & XM32).as("pmpaddr1 is frozen by the locked TOR entry 2").isEqualTo((DATA + 0x100) >> 2);
        assertThat(x(m, "a4") & 0xFFFFFF).as("locked cfg bytes stay").isEqualTo(0x880091);
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    void torLockFreezesThePreviousAddress(int xlen) {
        Machine m = run(xlen, li(xlen, "t2", DATA >> 2) + entry(0, "t2", 0) + li(xlen, "t3", (DATA + 64) >> 2)
                + entry(1, "t3", 0x80 | 0x08 | 7) + "csrrw zero,0x3b0,zero\ncsrrs a0,0x3b0,zero\n");
        assertThat(x(m, "a0") & XM32).isEqualTo(DATA >> 2);
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    void userModeIsCheckedOnFetchLoadAndStore(int xlen) {
        // entry 0: NAPOT over the first 8 KiB (code and handler), R+X; entry 1: NA4 at DATA, R+W;
        // entry 2: NAPOT 4 KiB at DATA+0x1000, R only; everything else denied in U-mode
        String setup = li(xlen, "t2", (TestMachines.RAM >> 2) | 0x3FF) + entry(0, "t2", 0x18 | 5)
                + li(xlen, "t2", DATA >> 2) + entry(1, "t2", 0x10 | 3)
                + li(xlen, "t2", ((DATA + 0x1000) >> 2) | 0x1FF) + entry(2, "t2", 0x18 | 1)
                + li(xlen, "t2", (0x100000 >> 2) | 0x1FF) + entry(3, "t2", 0x18 | 3)   // the test finisher
                + li(xlen, "s7", DATA + 0x1000) + li(xlen, "t5", DATA) + "auipc t0,0\naddi t0,t0,16\ncsrrw zero,mepc,t0\n"
                + "mret\n";
        Machine m = run(xlen, setup + "sw zero,0(t5)\nlw a0,0(t5)\nsw zero,4(t5)\naddi s2,s10,0\naddi s3,s11,0\n"
                + "lw a1,0(s7)\nsw a1,0(s7)\naddi s4,s10,0\nlw a1,0x7f0(s7)\nlw a1,-4(s7)\naddi s5,s10,0\n"
                + "addi s6,s9,0\n");
        assertThat(m.hart(0).privilege()).as("still in U-mode at the exit").isZero();
        assertThat(x(m, "s2")).as("store outside the NA4 word").isEqualTo(7);
        assertThat(x(m, "s3") & XM32).isEqualTo(DATA + 4);
        assertThat(x(m, "s4")).as("store into the read-only range").isEqualTo(7);
        assertThat(x(m, "s5")).as("load outside every entry").isEqualTo(5);
        assertThat(x(m, "s6")).as("three faults, the allowed accesses did not trap").isEqualTo(3);
        assertThat(x(m, "s11") & XM32).isEqualTo(DATA + 0xFFC);
        // a jump into the data word (R+W, no X): the prelude's handler stops the machine at the first trap
        Machine f = TestMachines.run(xlen, setup + "jalr zero,0(t5)\n");
        assertThat(f.readCsr(0, 0x342)).as("fetch without X: instruction access fault").isEqualTo(1);
        assertThat(f.readCsr(0, 0x343)).isEqualTo(DATA);
        assertThat(f.readCsr(0, 0x341)).isEqualTo(DATA);
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    void mprvChecksMachineModeLoadsAsUser(int xlen) {
        Machine m = run(xlen, li(xlen, "t5", DATA) + "lui t0,0x20\ncsrrs zero,mstatus,t0\nlw a0,0(t5)\n"
                + "csrrc zero,mstatus,t0\nlw a1,0(t5)\n");
        assertThat(x(m, "s9")).as("MPRV with MPP=U: the load is checked as U-mode and no entry matches").isEqualTo(1);
        assertThat(x(m, "s10")).isEqualTo(5);
    }
}
