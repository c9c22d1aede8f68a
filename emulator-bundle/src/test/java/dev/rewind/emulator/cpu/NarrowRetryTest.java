package dev.rewind.emulator.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.jit.NarrowRetryScenario;
import dev.rewind.emulator.jit.RandomPrograms;
import dev.rewind.emulator.mem.PhysicalMemory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link NarrowRetry} on {@link NarrowRetryScenario}: the region at its head bails every round (the handler makes s3,
 * later s4, wide); it is translated again without s3 in the first half, without any narrow register in the second,
 * and never again; the registers at the end equal the interpreter's. With narrowing off: never translated again.
 */
class NarrowRetryTest {

    /** Narrowing on ({@code -Drewind.jit.narrow=true}, as jit.NarrowSelect reads it). */
    static final boolean NARROW = Boolean.getBoolean("rewind.jit.narrow");

    record Run(Interpreter in, Hart h) {
    }

    static Run boot(boolean jit) {
        PhysicalMemory mem = new PhysicalMemory(RandomPrograms.RAM, 1 << 20);
        CodeCache code = new CodeCache(mem, 64);
        Hart h = new Hart(0, 64);
        Bus bus = new Bus(mem, code, new Hart[] {h}, List.of(), ConsoleSink.discard());
        Interpreter in = new Interpreter(bus, code, mem, 1);
        in.jit.enabled = jit;
        in.jit.threshold = 50;
        byte[] c = NarrowRetryScenario.code();
        mem.writeBytes(RandomPrograms.RAM, c, 0, c.length);
        long[] x = NarrowRetryScenario.registers();
        for (int r = 1; r < 32; r++) {
            h.setReg(r, x[r]);
        }
        h.setPc(RandomPrograms.RAM);
        h.mtvec = RandomPrograms.HANDLER;
        return new Run(in, h);
    }

    /** Runs short slices until t0 (the rounds left) is at most {@code left}. */
    static void runTo(Run r, long left) {
        while (r.h().reg(5) > left) {
            r.in().runSlice(r.h(), 500, 0);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aRegionThatBailsIsTranslatedAgainWithoutTheRegistersThatBailedThenWithoutAny() {
        Run ref = boot(false);
        Run jit = boot(true);
        NarrowRetry retry = jit.in().jit.retry;
        int half = NarrowRetryScenario.ROUNDS / 2;
        runTo(jit, half + 10);
        runTo(ref, half + 10);
        assertThat(jit.h().x).as("registers, first half").isEqualTo(ref.h().x);
        assertThat(retry.retried).as("translations again, first half").isEqualTo(NARROW ? 1 : 0);
        assertThat(retry.wide(NarrowRetryScenario.HEAD)).as("the registers kept wide at the head")
                .isEqualTo(NARROW ? 1 << NarrowRetryScenario.FIRST : 0);
        runTo(jit, 0);
        runTo(ref, 0);
        assertThat(jit.h().x).as("registers at the end").isEqualTo(ref.h().x);
        assertThat(jit.h().pc).isEqualTo(ref.h().pc);
        assertThat(retry.retried).as("translations again, in all").isEqualTo(NARROW ? 2 : 0);
        assertThat(retry.wide(NarrowRetryScenario.HEAD)).isEqualTo(NARROW ? -1 : 0);
        assertThat(jit.in().jit.regions).as("regions translated").isGreaterThanOrEqualTo(NARROW ? 3 : 1);
    }
}
