package dev.rewind.emulator.jit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.MachineSnapshot;
import dev.rewind.emulator.RunResult;
import dev.rewind.emulator.StopReason;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.device.InputSource;
import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.elf.ElfSegment;
import dev.rewind.emulator.elf.ElfSymbol;
import dev.rewind.emulator.isa.Assembler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Growing RAM's flat array is invisible to the guest and to plugins: the same history gives the same block entries
 * (an instrumentation's view) whether the array grows on the way or is already large (after a restore, which never
 * shrinks it), whoever grows it (a guest store, a debugger write, the HTIF hook answering in {@code fromhost}).
 */
class RamGrowthBlocksTest {

    private static final long B = MachineConfig.RAM_BASE;

    /** Every block entry, in order (pc per entry). */
    private static List<Long> watch(Machine m) {
        List<Long> entries = new ArrayList<>();
        m.addInstrumentation(tb -> tb.onExecute((h, pc) -> entries.add(pc)));
        return entries;
    }

    @ParameterizedTest(name = "RV{0} jit {1}")
    @CsvSource({"32, false", "32, true", "64, false", "64, true"})
    void reRunFromASnapshotSeesTheSameBlocks(int xlen, boolean jit) {
        Machine m = RamGrowthDifferentialTest.boot(xlen, jit);
        List<Long> entries = watch(m);
        MachineSnapshot s0 = m.snapshot();
        RunResult r1 = m.run(10_000_000);
        long h1 = m.stateHash();
        List<Long> e1 = new ArrayList<>(entries);
        entries.clear();
        m.restore(s0);
        RunResult r2 = m.run(10_000_000);
        assertThat(r1.reason()).isNotEqualTo(StopReason.LIMIT_REACHED);
        assertThat(r2).isEqualTo(r1);
        assertThat(m.stateHash()).isEqualTo(h1);
        assertThat(entries).as("block entries of the re-run").isEqualTo(e1);
    }

    @ParameterizedTest(name = "RV{0} jit {1}")
    @CsvSource({"32, false", "32, true", "64, false", "64, true"})
    void aDebuggerWriteThatGrowsTheArrayChangesNoBlock(int xlen, boolean jit) {
        Machine plain = RamGrowthDifferentialTest.boot(xlen, jit);
        Machine grown = RamGrowthDifferentialTest.boot(xlen, jit);
        grown.writeMemory(B + (7 << 20), new byte[1], 0, 1); // a zero onto zeros, past the 1 MiB array
        List<Long> e1 = watch(plain);
        List<Long> e2 = watch(grown);
        RunResult r1 = plain.run(10_000_000);
        RunResult r2 = grown.run(10_000_000);
        assertThat(r2).isEqualTo(r1);
        assertThat(grown.stateHash()).isEqualTo(plain.stateHash());
        assertThat(e2).as("block entries").isEqualTo(e1);
    }

    /**
     * {@code tohost} in the first page, {@code fromhost} 7 MiB up: a console command (high word, RV32's order) makes
     * the HTIF hook answer in {@code fromhost}, which grows the array inside the guest's store; then a loop of
     * ordinary stores, and exit through {@code tohost}.
     */
    static Machine htifMachine(int xlen, boolean jit) {
        Machine m = new Machine(new MachineConfig(xlen, 1, 8 << 20, 1000), ConsoleSink.discard(), InputSource.none());
        m.setTranslation(jit, 0);
        String src = "auipc t0,0x1\n" // tohost = B + 0x1000
                + "lui t1,0x1010\nsw t1,4(t0)\n" // device 1 command 1 (console), payload 0
                + "addi t2,zero,50\n"
                + "loop:\nsw t2,16(t0)\nsw t2,24(t0)\naddi t2,t2,-1\nbne t2,zero,loop\n"
                + "addi t1,zero,1\nsw t1,0(t0)\n" // exit 0
                + "halt:\njal zero,halt\n";
        byte[] code = new Assembler(xlen).assemble(src, B);
        ElfSegment seg = new ElfSegment(B, B, code, 0x2000, 7);
        List<ElfSymbol> syms = List.of(new ElfSymbol("tohost", B + 0x1000, 8, 1, 1),
                new ElfSymbol("fromhost", B + (7 << 20), 8, 1, 1));
        m.load(ElfImage.of(xlen, B, List.of(seg), syms));
        return m;
    }

    @ParameterizedTest(name = "RV{0} jit {1}")
    @CsvSource({"32, false", "32, true", "64, false", "64, true"})
    void growthInTheHtifHookChangesNoBlock(int xlen, boolean jit) {
        Machine m = htifMachine(xlen, jit);
        List<Long> entries = watch(m);
        MachineSnapshot s0 = m.snapshot();
        RunResult r1 = m.run(1_000_000);
        long h1 = m.stateHash();
        List<Long> e1 = new ArrayList<>(entries);
        entries.clear();
        m.restore(s0);
        RunResult r2 = m.run(1_000_000);
        assertThat(r1.reason()).isEqualTo(StopReason.EXITED);
        assertThat(r2).isEqualTo(r1);
        assertThat(m.stateHash()).isEqualTo(h1);
        assertThat(entries).as("block entries of the re-run").isEqualTo(e1);
        byte[] w = new byte[8];
        m.readMemory(B + (7 << 20), w, 0, 8);
        assertThat(w[7]).as("fromhost answered").isEqualTo((byte) 1);
    }
}
