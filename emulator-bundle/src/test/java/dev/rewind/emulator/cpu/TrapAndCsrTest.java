package dev.rewind.emulator.cpu;

import static dev.rewind.emulator.cpu.TestMachines.HANDLER;
import static dev.rewind.emulator.cpu.TestMachines.RAM;
import static dev.rewind.emulator.cpu.TestMachines.run;
import static dev.rewind.emulator.cpu.TestMachines.x;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.RunResult;
import dev.rewind.emulator.StopReason;
import dev.rewind.emulator.isa.Assembler;
import org.junit.jupiter.api.Test;

/** Traps, CSR access rules, MRET, interrupts and WFI. */
class TrapAndCsrTest {

    static final long MAIN = RAM + 20;

    private static long csr(Machine m, int n) {
        return m.readCsr(0, n);
    }

    @Test
    void illegalInstructionsTrapWithTheirBits() {
        Machine m = run(32, ".half 0x0000\n");
        assertThat(csr(m, 0x342)).isEqualTo(2);
        assertThat(csr(m, 0x343)).isZero();
        assertThat(csr(m, 0x341)).isEqualTo(MAIN);
        m = run(64, ".word 0xffffffff\n");
        assertThat(csr(m, 0x342)).isEqualTo(2);
        assertThat(csr(m, 0x343)).isEqualTo(0xFFFFFFFFL);
        m = run(64, ".word 0xc0001073\n");                     // csrrw zero,cycle,zero: bit 31 set
        assertThat(csr(m, 0x342)).isEqualTo(2);
        assertThat(csr(m, 0x343)).as("mtval holds the bits zero-extended (found in lockstep with QEMU)")
                .isEqualTo(0xC0001073L);
    }

    @Test
    void mcountinhibitStopsAndRestartsTheCounters() {
        Machine m = run(64, "addi t0,zero,-1\ncsrrw zero,0x320,t0\ncsrrs a0,0x320,zero\n"
                + "csrrs a1,minstret,zero\nnop_a: addi zero,zero,0\naddi zero,zero,0\ncsrrs a2,minstret,zero\n"
                + "csrrs a3,mcycle,zero\ncsrrs a4,mcycle,zero\n"
                + "csrrw zero,0x320,zero\naddi zero,zero,0\ncsrrs a5,minstret,zero\ncsrrs a6,minstret,zero\n");
        assertThat(x(m, "a0")).as("CY and IR writable, TM and HPM bits zero").isEqualTo(5);
        assertThat(x(m, "a2")).as("minstret stopped").isEqualTo(x(m, "a1"));
        assertThat(x(m, "a4")).as("mcycle stopped").isEqualTo(x(m, "a3"));
        assertThat(x(m, "a5")).as("continues from the stopped value").isEqualTo(x(m, "a1") + 1);
        assertThat(x(m, "a6")).isEqualTo(x(m, "a5") + 1);
        Machine keep = run(64, "csrrs a1,minstret,zero\ncsrrw zero,0x320,zero\ncsrrs a2,minstret,zero\n");
        assertThat(x(keep, "a2")).as("rewriting an unchanged bit does not disturb the count").isEqualTo(x(keep, "a1") + 2);
    }

    @Test
    void menvcfgKeepsFiomOnly() {
        Machine m = run(64, "addi t0,zero,-1\ncsrrw zero,0x30a,t0\ncsrrs a0,0x30a,zero\n");
        assertThat(x(m, "a0")).as("FIOM writable, the fields of absent extensions zero (as QEMU)").isEqualTo(1);
        Machine rv32 = run(32, "addi t0,zero,-1\ncsrrw zero,0x30a,t0\ncsrrs a0,0x30a,zero\ncsrrs a1,0x31a,zero\n");
        assertThat(x(rv32, "a0")).isEqualTo(1);
        assertThat(x(rv32, "a1")).isZero();
    }

    @Test
    void csrAccessRules() {
        int unknown = new Assembler(64).encode("csrrs a0,0x7c0,zero", 0);
        assertThat(csr(run(64, "csrrs a0,0x7c0,zero\n"), 0x343)).isEqualTo(unknown);
        Machine ro = run(64, "csrrw zero,cycle,zero\n");           // the 'unimp' idiom
        assertThat(csr(ro, 0x342)).isEqualTo(2);
        Machine hartid = run(64, "csrrw a0,mhartid,a0\n");
        assertThat(csr(hartid, 0x342)).isEqualTo(2);
        Machine ok = run(64, "csrrs a0,mhartid,zero\ncsrrs a1,misa,zero\naddi t0,zero,-1\ncsrrw zero,mscratch,t0\n"
                + "csrrc a2,mscratch,a0\ncsrrs a3,mscratch,zero\ncsrrsi a4,mie,8\ncsrrs a5,mie,zero\ncsrrs s0,cycle,zero\n"
                + "csrrs s1,instret,zero\n");
        assertThat(x(ok, "a0")).isZero();
        assertThat(x(ok, "a1")).isEqualTo((2L << 62) | 0x101105);
        assertThat(x(ok, "a3")).isEqualTo(-1);
        assertThat(x(ok, "a5")).isEqualTo(8);
        assertThat(x(ok, "s1")).isEqualTo(10); // instructions retired before this one
        assertThat(csr(ok, 0x342)).as("no trap").isZero();
        Machine deleg = run(32, "csrrs a0,medeleg,zero\n");
        assertThat(csr(deleg, 0x342)).as("no S-mode: medeleg absent").isEqualTo(2);
        Machine rv32h = run(32, "csrrs a0,cycleh,zero\ncsrrs a1,mstatush,zero\n");
        assertThat(csr(rv32h, 0x342)).isZero();
    }

    /**
     * Drops to U-mode right after the MRET (MPP=0) with mcounteren as given, PMP entry 0 giving U-mode all memory
     * (as firmware does: with PMP implemented and no entry matching, U-mode could access nothing).
     */
    static String toUser(int counteren) {
        return "addi t0,zero,-1\ncsrrw zero,0x3b0,t0\naddi t0,zero,0x1f\ncsrrw zero,0x3a0,t0\n"
                + "addi t0,zero," + counteren + "\ncsrrw zero,mcounteren,t0\nauipc t0,0\naddi t0,t0,16\n"
                + "csrrw zero,mepc,t0\nmret\n";
    }

    @Test
    void userModeRules() {
        Machine m = run(64, toUser(0) + "csrrs a0,mstatus,zero\n");
        assertThat(csr(m, 0x342)).isEqualTo(2);
        assertThat(csr(m, 0x343)).isEqualTo(new Assembler(64).encode("csrrs a0,mstatus,zero", 0));
        assertThat(csr(m, 0x300) >>> 11 & 3).as("MPP=U").isZero();
        assertThat(m.hart(0).privilege()).isEqualTo(3);
        m = run(64, toUser(0) + "csrrs a0,cycle,zero\n");
        assertThat(csr(m, 0x342)).isEqualTo(2);
        m = run(64, toUser(7) + "csrrs a0,time,zero\necall\n");
        assertThat(csr(m, 0x342)).as("mtval %x mepc %x", csr(m, 0x343), csr(m, 0x341)).isEqualTo(8);
        m = run(64, toUser(0) + "mret\n");
        assertThat(csr(m, 0x342)).isEqualTo(2);
        m = run(64, "ecall\n");
        assertThat(csr(m, 0x342)).isEqualTo(11);
        assertThat(csr(m, 0x341)).isEqualTo(MAIN);
        m = run(64, "c.ebreak\n");
        assertThat(csr(m, 0x342)).isEqualTo(3);
        assertThat(csr(m, 0x343)).isEqualTo(MAIN);
    }

    @Test
    void accessFaultsAndMisalignedAtomics() {
        Machine m = run(64, "lw a0,0(zero)\n");
        assertThat(csr(m, 0x342)).isEqualTo(5);
        m = run(64, "addi t0,zero,8\nsd t0,0(t0)\n");
        assertThat(csr(m, 0x342)).isEqualTo(7);
        assertThat(csr(m, 0x343)).isEqualTo(8);
        m = run(64, "lui t0,0x1\njalr zero,0(t0)\n");
        assertThat(csr(m, 0x342)).isEqualTo(1);
        assertThat(csr(m, 0x343)).isEqualTo(0x1000);
        m = run(32, "auipc t0,0\naddi t0,t0,2\namoadd.w a0,a1,(t0)\n");
        assertThat(csr(m, 0x342)).isEqualTo(6);
        assertThat(csr(m, 0x343)).isEqualTo(MAIN + 2);
        m = run(32, "auipc t0,0\naddi t0,t0,1\nlr.w a0,(t0)\n");
        assertThat(csr(m, 0x342)).isEqualTo(4);
        m = run(64, "lui t0,0x10000\namoswap.w a0,a1,(t0)\n"); // AMO on the UART: access fault
        assertThat(csr(m, 0x342)).isEqualTo(7);
    }

    @Test
    void mretReturnsAndRestoresInterruptEnable() {
        // handler at HANDLER exits; here we install our own handler that skips the ecall
        String prog = "jal zero,main\nhandler: csrrs t0,mepc,zero\naddi t0,t0,4\ncsrrw zero,mepc,t0\nmret\n"
                + "main: csrrsi zero,mstatus,8\necall\naddi s0,zero,5\ncsrrs s1,mstatus,zero\n" + TestMachines.EXIT;
        Machine m = TestMachines.boot(32, 1, 1000, prog);
        assertThat(m.run(1000).reason()).isEqualTo(StopReason.EXITED);
        assertThat(x(m, "s0")).isEqualTo(5);
        assertThat(x(m, "s1") & 0x88).as("MIE restored, MPIE=1").isEqualTo(0x88);
        assertThat(csr(m, 0x342)).isEqualTo(11);
    }

    @Test
    void softwareInterruptThroughClintWithVectoredMtvec() {
        // mtvec vectored at HANDLER-ish base: MSI (3) goes to base + 12
        String prog = "jal zero,main\n.word 0\n.word 0\n.word 0\njal zero,msi\nmsi:\n" + TestMachines.EXIT
                + "main: lui t0,0x2000\naddi t1,zero,1\naddi t2,zero,8\ncsrrs zero,mie,t2\ncsrrs zero,mstatus,t2\n"
                + "sw t1,0(t0)\naddi s0,zero,1\n";
        Machine m = TestMachines.boot(64, 1, 1000, prog);
        m.writeCsr(0, 0x305, RAM + 4 | 1);
        assertThat(m.run(1000).reason()).isEqualTo(StopReason.EXITED);
        assertThat(csr(m, 0x342)).isEqualTo(1L << 63 | 3);
        assertThat(x(m, "s0")).as("interrupt taken right after the store").isZero();
        assertThat(csr(m, 0x344) & 8).isEqualTo(8);
    }

    @Test
    void wfiSleepsUntilTheTimerAndTimeFastForwards() {
        String prog = TestMachines.PRELUDE + "lui t0,0x2004\nlui t1,0x100\nsd t1,0(t0)\n" // mtimecmp = 1 M
                + "addi t2,zero,128\ncsrrs zero,mie,t2\nwfi\ncsrrs s0,time,zero\ncsrrs s1,mip,zero\n"
                + TestMachines.EXIT;
        Machine m = TestMachines.boot(64, 1, 1000, prog);
        RunResult r = m.run(10_000_000);
        assertThat(r.reason()).isEqualTo(StopReason.EXITED);
        assertThat(x(m, "s0")).isGreaterThanOrEqualTo(0x100000);
        assertThat(m.retired(0)).isLessThan(30);
        assertThat(x(m, "s1") & 128).isEqualTo(128);
        assertThat(csr(m, 0x342)).as("MIE=0: wakes without a trap").isZero();
    }

    @Test
    void wfiWithNothingToWakeItIsADeadlock() {
        Machine m = TestMachines.boot(32, 2, 10, TestMachines.PRELUDE + "wfi\nwfi\n");
        RunResult r = m.run(1_000_000);
        assertThat(r.reason()).isEqualTo(StopReason.DEADLOCK);
        assertThat(m.time()).isLessThan(10);
    }
}
