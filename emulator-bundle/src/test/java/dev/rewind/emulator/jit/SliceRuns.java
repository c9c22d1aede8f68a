package dev.rewind.emulator.jit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.RunResult;
import dev.rewind.emulator.StopReason;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.device.InputSource;
import dev.rewind.emulator.isa.Assembler;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A one-hart program with sparse budget checks run to its exit in slices of every length from 1 to {@code period}
 * (repeating), interpreted and translated: after every slice the same time, pc and chosen registers, the same state
 * hash every 61st slice and at the end, and the translated machine ran in regions without a failed translation.
 * Shared by the budget-check tests (SparseBudgetTest, GateEntryDifferentialTest).
 */
final class SliceRuns {
    private SliceRuns() {
    }

    /**
     * {@code program} assembled at {@code start}; {@code setup} on each machine before it runs; a snapshot before
     * every {@code snapshotEvery}-th slice (0: none); at most {@code maxSlices} slices; {@code regs} recorded.
     */
    static void assertTranslatedAsInterpreted(int xlen, String program, long start, Consumer<Machine> setup,
            int period, int snapshotEvery, int maxSlices, int... regs) {
        List<List<Long>> results = new ArrayList<>();
        long[] counts = null;
        for (boolean jit : new boolean[] {false, true}) {
            Machine m = new Machine(MachineConfig.defaults(xlen).withRamSize(1 << 20), ConsoleSink.discard(),
                    InputSource.none());
            m.setTranslation(jit, 20);
            m.setSparseBudgetChecks(true);
            byte[] code = new Assembler(xlen).assemble(program, start);
            m.writeMemory(start, code, 0, code.length);
            m.hart(0).setPc(start);
            setup.accept(m);
            results.add(trace(m, period, snapshotEvery, maxSlices, regs));
            if (jit) {
                counts = m.translationCounts();
            }
        }
        assertThat(results.get(1)).hasSameSizeAs(results.get(0));
        assertThat(results.get(1)).isEqualTo(results.get(0));
        assertThat(counts[2]).as("failed translations").isZero();
        assertThat(counts[0]).as("regions").isPositive();
    }

    private static List<Long> trace(Machine m, int period, int snapshotEvery, int maxSlices, int... regs) {
        List<Long> out = new ArrayList<>();
        RunResult r = null;
        for (int k = 0; k < maxSlices && (r == null || r.reason() != StopReason.EXITED); k++) {
            if (snapshotEvery > 0 && k % snapshotEvery == snapshotEvery - 1) {
                m.snapshot();
            }
            r = m.run(1 + k % period);
            out.add(r.time());
            out.add(m.hart(0).pc());
            for (int reg : regs) {
                out.add(m.hart(0).reg(reg));
            }
            if (k % 61 == 0) {
                out.add(m.stateHash());
            }
        }
        assertThat(r.reason()).isEqualTo(StopReason.EXITED);
        out.add(m.stateHash());
        return out;
    }
}
