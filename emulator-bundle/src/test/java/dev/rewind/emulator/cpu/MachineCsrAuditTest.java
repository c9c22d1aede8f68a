package dev.rewind.emulator.cpu;

import static dev.rewind.emulator.cpu.GuestTriggerTest.run;
import static dev.rewind.emulator.cpu.TestMachines.x;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.Machine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The M-mode CSRs a conformance suite touches, each read and written with all ones (compared with QEMU 7.2 by
 * hand, see the comments): what exists, what is read-only zero, what traps. The handler counts traps in s9.
 */
class MachineCsrAuditTest {

    private static final String ONES = "addi t0,zero,-1\n";

    private static String rw(int csr, String dst) {
        return "csrrw zero," + csr + ",t0\ncsrrs " + dst + "," + csr + ",zero\n";
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    void readOnlyZeroAndWarlCsrs(int xlen) {
        Machine m = run(xlen, ONES + rw(0xB03, "a0") + rw(0xB1F, "a1") + rw(0x323, "a2") + rw(0x33F, "a3")
                + rw(0x306, "a4") + rw(0x320, "a5") + "csrrs a6,0xf15,zero\n" + rw(0x30A, "a7")
                + "csrrs s2,0x3a0,zero\ncsrrs s3,0x7a0,zero\n");
        long xm = xlen == 32 ? 0xFFFFFFFFL : -1L;
        assertThat(x(m, "s9")).as("none of these traps").isZero();
        assertThat(x(m, "a0")).as("mhpmcounter3: read-only zero (QEMU 7.2: writable)").isZero();
        assertThat(x(m, "a1")).as("mhpmcounter31: read-only zero (QEMU 7.2: illegal)").isZero();
        assertThat(x(m, "a2")).as("mhpmevent3: read-only zero (QEMU 7.2: writable)").isZero();
        assertThat(x(m, "a3")).as("mhpmevent31: read-only zero").isZero();
        assertThat(x(m, "a4") & xm).as("mcounteren: 32 bits, as QEMU").isEqualTo(0xFFFFFFFFL);
        assertThat(x(m, "a5")).as("mcountinhibit: CY and IR (TM read-only zero; QEMU 7.2 takes every bit)")
                .isEqualTo(5);
        assertThat(x(m, "a6")).as("mconfigptr: zero, as QEMU").isZero();
        assertThat(x(m, "a7")).as("menvcfg: FIOM only (QEMU 7.2 adds Zicbom/Zicboz fields)").isEqualTo(1);
        assertThat(x(m, "s2")).as("pmpcfg0 after reset").isZero();
        assertThat(x(m, "s3")).as("tselect after reset").isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    void absentCsrsAreIllegal(int xlen) {
        // mseccfg (no Smepmp), mseccfgh, tcontrol, mcontext, scontext, dcsr (Debug Mode only): illegal, as on QEMU 7.2
        for (int csr : new int[] {0x747, 0x757, 0x7A5, 0x7A8, 0x5A8, 0x7B0}) {
            Machine m = run(xlen, "csrrs a0," + csr + ",zero\n");
            assertThat(x(m, "s10")).as("CSR 0x%x", csr).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    void userHpmCountersFollowMcounteren(int xlen) {
        String toUser = "addi t0,zero,-1\ncsrrw zero,0x3b0,t0\naddi t0,zero,0x1f\ncsrrw zero,0x3a0,t0\n"
                + "addi t0,zero,8\ncsrrw zero,mcounteren,t0\nauipc t0,0\naddi t0,t0,16\ncsrrw zero,mepc,t0\nmret\n";
        Machine m = run(xlen, toUser + "csrrs a0,0xc03,zero\ncsrrs a1,0xc04,zero\n");
        assertThat(x(m, "s9")).as("hpmcounter3 enabled (reads zero), hpmcounter4 not: one trap").isEqualTo(1);
        assertThat(x(m, "a0")).isZero();
    }
}
