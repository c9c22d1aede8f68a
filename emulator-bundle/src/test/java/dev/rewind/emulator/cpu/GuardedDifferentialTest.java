package dev.rewind.emulator.cpu;

import static dev.rewind.emulator.cpu.GuestTriggerTest.DATA;
import static dev.rewind.emulator.cpu.GuestTriggerTest.SKIP;
import static dev.rewind.emulator.cpu.GuestTriggerTest.li;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.StopReason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Translated code and the interpreter agree bit for bit when PMP and guest triggers are armed in the middle of a
 * hot loop (a guarded hart leaves translated code and takes the checked path), at every step of the run.
 */
class GuardedDifferentialTest {

    private static String loop(int n) {
        return "addi s5,zero,300\nloop" + n + ": lw a0,0(s6)\naddi a0,a0,3\nsw a0,8(s6)\nadd s7,s7,a0\n"
                + "addi s5,s5,-1\nbne s5,zero,loop" + n + "\n";
    }

    private static String program(int xlen) {
        String toUser = "auipc t0,0\naddi t0,t0,16\ncsrrw zero,mepc,t0\nmret\n";
        return SKIP + li(xlen, "s6", DATA) + "csrrsi zero,mstatus,8\n" + loop(1)
                // a load trigger on DATA (M), then a locked read-only NA4 over DATA+8
                + "csrrw zero,0x7a2,s6\naddi t0,zero,6\nslli t0,t0," + (xlen - 4) + "\nori t0,t0,0x49\ncsrrw zero,0x7a1,t0\n"
                + loop(2)
                + li(xlen, "t1", (DATA + 8) >> 2) + "csrrw zero,0x3b0,t1\naddi t0,zero,0x91\ncsrrw zero,0x3a0,t0\n"
                + loop(3)
                // U-mode: entry 1 opens all memory to U (NAPOT, RWX)
                + "addi t1,zero,-1\ncsrrw zero,0x3b1,t1\naddi t0,zero,0x1f\nslli t0,t0,8\ncsrrs zero,0x3a0,t0\n"
                + toUser + loop(4) + TestMachines.EXIT;
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    void translatedAndInterpretedRunsAgree(int xlen) {
        Machine jit = TestMachines.boot(xlen, 1, 1000, program(xlen));
        jit.setTranslation(true, 2);
        Machine interp = TestMachines.boot(xlen, 1, 1000, program(xlen));
        interp.setTranslation(false, 2);
        for (long t = 0; ; t += 97) {
            var a = jit.runUntilTime(t);
            var b = interp.runUntilTime(t);
            assertThat(jit.stateHash()).as("state at time %d", t).isEqualTo(interp.stateHash());
            assertThat(a.reason()).isEqualTo(b.reason());
            if (a.reason() == StopReason.EXITED) {
                break;
            }
            assertThat(t).as("the program ends").isLessThan(200_000);
        }
        assertThat(jit.translationCounts()[0]).as("the hot loop was translated").isPositive();
        assertThat(TestMachines.x(jit, "s9")).as("traps: load trigger (M) and PMP store faults").isGreaterThan(300);
        assertThat(jit.hart(0).privilege()).as("ends in U-mode").isZero();
    }
}
