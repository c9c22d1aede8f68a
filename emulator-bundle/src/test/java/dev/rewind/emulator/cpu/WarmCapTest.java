package dev.rewind.emulator.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.mem.PhysicalMemory;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The slots a region may run per call while HotSpot profiles it sweep 1..CAP, so that every block's budget check
 * sees its exit taken (JitControl's comment); afterwards calls are not capped.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WarmCapTest {

    static JitCode region() {
        PhysicalMemory mem = new PhysicalMemory(MachineConfig.RAM_BASE, 1 << 20);
        CodeCache code = new CodeCache(mem, 32);
        Hart[] harts = {new Hart(0, 32)};
        Bus bus = new Bus(mem, code, harts, List.of(), ConsoleSink.discard());
        Interpreter in = new Interpreter(bus, code, mem, 1);
        return new JitCode(in, new Block[0]) {
            @Override
            public long run(Hart h, long budget, long t0) {
                return 0;
            }
        };
    }

    @Test
    void warmCallsSweepEveryCapFromOneToCapThenRunUncapped() {
        JitCode j = region();
        TreeSet<Long> seen = new TreeSet<>();
        for (long k = 0; k < JitControl.CAP; k++) {
            seen.add(JitControl.cap(j));
        }
        assertThat(seen.first()).isEqualTo(1L);
        assertThat(seen.last()).isEqualTo(JitControl.CAP);
        assertThat(seen).as("every value of 1..CAP once in CAP calls").hasSize((int) JitControl.CAP);
        for (long k = JitControl.CAP; k < JitControl.WARM_CALLS; k++) {
            assertThat(JitControl.cap(j)).isBetween(1L, JitControl.CAP);
        }
        assertThat(JitControl.cap(j)).isEqualTo(Long.MAX_VALUE);
        assertThat(JitControl.cap(j)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void eachRegionSweepsFromItsOwnFirstCall() {
        JitCode a = region();
        JitCode b = region();
        long first = JitControl.cap(a);
        JitControl.cap(a);
        assertThat(JitControl.cap(b)).isEqualTo(first);
    }
}
