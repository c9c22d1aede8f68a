package dev.rewind.emulator.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.RunResult;
import dev.rewind.emulator.StopReason;
import dev.rewind.emulator.device.CollectingConsole;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.device.InputSource;
import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.elf.ElfLoader;
import dev.rewind.emulator.isa.Assembler;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Machines of one JVM share translated classes ({@link TranslationCache}): a second machine running the same
 * guest takes every region from the cache and runs exactly as the interpreter does; guests that differ in
 * what the translator bakes in (instruction bytes at the same addresses, xlen, RAM size) never get another's
 * class. These tests need the default {@code rewind.jit.shared} (on); each starts from an empty cache. Their machines
 * share classes ({@code setBoundTranslation(false)}: bound ones are never shared, see {@code BoundTranslationTest}).
 */
class SharedTranslationTest {

    static final Path GUEST = Path.of("../tests/guest/elf");
    static final long RAM = MachineConfig.RAM_BASE;

    private final TranslationCache cache = TranslationCache.jvmWide();

    @BeforeEach
    void emptyCache() {
        assertThat(cache).as("run without -Drewind.jit.shared=false").isNotNull();
        cache.clear();
    }

    @ParameterizedTest(name = "{0} on {1} harts, quantum {2}")
    @CsvSource({"demo-rv32, 4, 1000", "atomics-rv64, 4, 13", "bench-small-rv64, 1, 1000"})
    void aSecondMachineTakesEveryRegionFromTheCacheAndRunsIdentically(String name, int harts, int quantum)
            throws Exception {
        ElfImage img = ElfLoader.parse(GUEST.resolve(name + ".elf"));
        MachineConfig cfg = MachineConfig.defaults(img.xlen()).withHarts(harts).withQuantum(quantum);
        Machine[] m = new Machine[3];
        CollectingConsole[] out = new CollectingConsole[3];
        for (int i = 0; i < 3; i++) {
            out[i] = ConsoleSink.collecting();
            m[i] = new Machine(cfg, out[i], InputSource.of("typed\n".getBytes(), 20_000, 5_000));
            m[i].setTranslation(i > 0, 3);
            m[i].setBoundTranslation(false);
            m[i].load(img);
        }
        long[] before = cache.counts();
        long chunk = 1;
        for (int point = 1; ; point++) {
            // the first machine translates (and defines) each region first; the second one finds it
            RunResult ref = m[0].run(chunk);
            for (int i = 1; i < 3; i++) {
                assertThat(m[i].run(chunk)).as("machine %d, point %d", i, point).isEqualTo(ref);
                assertThat(m[i].stateHash()).as("machine %d hash at %d", i, ref.time()).isEqualTo(m[0].stateHash());
            }
            if (ref.reason() != StopReason.LIMIT_REACHED || ref.time() > 3_000_000) {
                break;
            }
            chunk = Math.min(chunk * 3 + 17 + point % 7, 999_983);
        }
        for (int i = 1; i < 3; i++) {
            assertThat(out[i].text()).isEqualTo(out[0].text());
            assertThat(m[i].translationCounts()[2]).as("failed translations").isZero();
        }
        long first = m[1].translationCounts()[0];
        long second = m[2].translationCounts()[0];
        long hits = cache.counts()[0] - before[0];
        long misses = cache.counts()[1] - before[1];
        assertThat(second).as("regions of the second machine").isPositive().isEqualTo(first);
        assertThat(hits + misses).isEqualTo(first + second);
        assertThat(misses).as("regions defined (all by the first machine)").isEqualTo(cache.size()).isLessThanOrEqualTo(first);
        assertThat(hits).as("cache hits").isGreaterThanOrEqualTo(second);
        for (TranslationCache.Translated t : cache.entries()) {
            assertThat(t.type().isHidden()).isTrue();
            assertThat(Arrays.stream(t.type().getDeclaredFields()).filter(f -> Modifier.isStatic(f.getModifiers())))
                    .as("static state in %s", t.type()).isEmpty();
        }
    }

    /** A hot loop adding {@code step} to a0 3000 times, then exit (single hart, translated at first sight). */
    static String addLoop(int step) {
        return "addi a0,zero,0\naddi a1,zero,0\naddi a2,zero,1500\nloop:\naddi a0,a0," + step
                + "\naddi a1,a1,1\nbne a1,a2,loop\n" + TestMachines.EXIT;
    }

    /** Where {@link #boot} writes {@link #VALUE} when RAM reaches: RAM + 64 KiB and RAM + 1.5 MiB. */
    static final long[] DATA = {RAM + 0x10000, RAM + 0x180000};
    static final int VALUE = 100;

    /** Sums 200 loads from {@code lui s0,upper} in t2 (a hot loop); a trap goes to the exit in the prelude. */
    static String loadLoop(String upper) {
        return TestMachines.PRELUDE + "lui s0," + upper + "\naddi t0,zero,200\naddi t2,zero,0\nloop:\n"
                + "lw t1,0(s0)\nadd t2,t2,t1\naddi t0,t0,-1\nbne t0,zero,loop\n" + TestMachines.EXIT;
    }

    @ParameterizedTest(name = "RV{0}")
    @ValueSource(ints = {32, 64})
    void sameAddressesDifferentInstructionsNeverShare(int xlen) {
        MachineConfig cfg = MachineConfig.defaults(xlen).withRamSize(1 << 20);
        Machine a = runLikeTheInterpreter(cfg, addLoop(3));
        long[] c0 = cache.counts();
        Machine again = runLikeTheInterpreter(cfg, addLoop(3));
        long[] c1 = cache.counts();
        assertThat(c1[0] - c0[0]).as("hits of the same program").isEqualTo(again.translationCounts()[0]).isPositive();
        assertThat(c1[1] - c0[1]).as("misses of the same program").isZero();
        Machine b = runLikeTheInterpreter(cfg, addLoop(5));
        assertThat(cache.counts()[1] - c1[1]).as("misses of the changed program").isPositive();
        assertThat(a.hart(0).reg(10)).isEqualTo(4500);
        assertThat(b.hart(0).reg(10)).isEqualTo(7500);
    }

    @ParameterizedTest(name = "RV{0} first")
    @ValueSource(ints = {32, 64})
    void rv32AndRv64NeverShare(int firstXlen) {
        // RV32 loads from RAM + 64 KiB; RV64 sign-extends lui to 0xffffffff80010000 and takes an access fault.
        // (Blocks in RAM above 2 GiB also differ in their link values; TranslationCacheTest checks xlen alone.)
        for (int xlen : new int[] {firstXlen, 96 - firstXlen}) {
            Machine m = runLikeTheInterpreter(MachineConfig.defaults(xlen).withRamSize(1 << 20), loadLoop("0x80010"));
            assertThat(m.hart(0).reg(7)).as("RV%d sum", xlen).isEqualTo(xlen == 32 ? 200 * VALUE : 0);
            assertThat(m.readCsr(0, 0x342)).as("RV%d mcause", xlen).isEqualTo(xlen == 32 ? 0 : 5);
        }
        assertThat(cache.size()).as("regions cached for both widths").isGreaterThanOrEqualTo(2);
    }

    @ParameterizedTest(name = "{0} KiB first")
    @ValueSource(ints = {1024, 2048})
    void differentRamSizesNeverShare(int firstKib) {
        // the loop's address is inside 2 MiB of RAM and outside 1 MiB (an access fault there)
        for (int kib : new int[] {firstKib, 3072 - firstKib}) {
            Machine m = runLikeTheInterpreter(MachineConfig.defaults(32).withRamSize(kib << 10), loadLoop("0x80180"));
            assertThat(m.hart(0).reg(7)).as("%d KiB sum", kib).isEqualTo(kib == 2048 ? 200 * VALUE : 0);
        }
    }

    /**
     * Runs {@code program} to its exit on a machine translating every block at first sight and on one that
     * does not translate; both must stop alike with the same state. Returns the translating machine.
     */
    static Machine runLikeTheInterpreter(MachineConfig cfg, String program) {
        Machine ref = boot(cfg, program, false);
        Machine jit = boot(cfg, program, true);
        RunResult r = ref.run(1_000_000);
        assertThat(r.reason()).isEqualTo(StopReason.EXITED);
        assertThat(jit.run(1_000_000)).isEqualTo(r);
        assertThat(jit.stateHash()).isEqualTo(ref.stateHash());
        assertThat(jit.translationCounts()[0]).as("regions translated").isPositive();
        assertThat(jit.translationCounts()[2]).as("failed translations").isZero();
        return jit;
    }

    static Machine boot(MachineConfig cfg, String program, boolean jit) {
        Machine m = new Machine(cfg, ConsoleSink.discard(), InputSource.none());
        m.setTranslation(jit, 0);
        m.setBoundTranslation(false);
        byte[] code = new Assembler(cfg.xlen()).assemble(program, RAM);
        m.writeMemory(RAM, code, 0, code.length);
        for (long d : DATA) {
            if (d + 4 <= RAM + cfg.ramSize()) {
                m.writeMemory(d, new byte[] {VALUE, 0, 0, 0}, 0, 4);
            }
        }
        m.hart(0).setPc(RAM);
        m.writeCsr(0, 0x305, TestMachines.HANDLER);
        return m;
    }
}
