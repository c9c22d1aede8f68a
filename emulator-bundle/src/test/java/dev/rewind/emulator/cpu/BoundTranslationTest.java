package dev.rewind.emulator.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.RunResult;
import dev.rewind.emulator.StopReason;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.device.InputSource;
import dev.rewind.emulator.elf.ElfImage;
import dev.rewind.emulator.elf.ElfLoader;
import dev.rewind.emulator.isa.Assembler;
import dev.rewind.emulator.mem.PhysicalMemory;
import java.lang.ref.WeakReference;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Regions bound to their machine's memory ({@link Machine#setBoundTranslation}, the default on one-hart machines): a class reads one
 * machine's tag tables and RAM array as constants, so it must never run on another machine (which would read the first
 * one's memory), and it must not keep a dead machine's RAM alive (no JVM-wide cache holds it).
 */
class BoundTranslationTest {

    static final long RAM = MachineConfig.RAM_BASE;
    static final long DATA = RAM + 0x10000;

    /** A translated machine with bound regions running {@code SharedTranslationTest.loadLoop}, {@code value} at DATA. */
    static Machine boot(int xlen, int value) {
        return boot(xlen, value, "0x80010");
    }

    /** {@link #boot(int, int)} with the loop loading from {@code lui s0,upper} (another program: another class). */
    static Machine boot(int xlen, int value, String upper) {
        Machine m = new Machine(MachineConfig.defaults(xlen).withRamSize(1 << 20), ConsoleSink.discard(),
                InputSource.none());
        m.setTranslation(true, 0);
        m.setBoundTranslation(true);
        byte[] code = new Assembler(xlen).assemble(SharedTranslationTest.loadLoop(upper), RAM);
        m.writeMemory(RAM, code, 0, code.length);
        m.writeMemory(DATA, new byte[] {(byte) value, 0, 0, 0}, 0, 4);
        m.hart(0).setPc(RAM);
        m.writeCsr(0, 0x305, TestMachines.HANDLER);
        return m;
    }

    @ParameterizedTest(name = "RV{0}")
    @ValueSource(ints = {32, 64})
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void twoMachinesRunningTheSameProgramEachSeeTheirOwnMemory(int xlen) {
        TranslationCache jvm = TranslationCache.jvmWide();
        long[] before = jvm == null ? null : jvm.counts();
        // RV64 sign-extends lui to 0xffffffff80010000: an access fault, the sum stays 0 (as interpreted)
        long[] expected = xlen == 32 ? new long[] {200 * 7, 200 * 11} : new long[] {0, 0};
        Machine a = boot(xlen, 7);
        Machine b = boot(xlen, 11);
        RunResult ra = a.run(1_000_000);
        RunResult rb = b.run(1_000_000);
        assertThat(ra.reason()).isEqualTo(StopReason.EXITED);
        assertThat(rb).isEqualTo(ra);
        assertThat(a.hart(0).reg(7)).isEqualTo(expected[0]);
        assertThat(b.hart(0).reg(7)).isEqualTo(expected[1]);
        assertThat(b.translationCounts()[0]).as("regions of the second machine, its own").isPositive()
                .isEqualTo(a.translationCounts()[0]);
        if (jvm != null) {
            assertThat(jvm.counts()).as("the JVM-wide cache, neither asked nor filled").isEqualTo(before);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"atomics-rv64", "demo-rv32"})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void boundRegionsOnFourHartsRunLikeTheInterpreter(String name) throws Exception {
        ElfImage img = ElfLoader.parse(SharedTranslationTest.GUEST.resolve(name + ".elf"));
        MachineConfig cfg = MachineConfig.defaults(img.xlen()).withHarts(4).withQuantum(13);
        Machine[] m = new Machine[2];
        for (int i = 0; i < 2; i++) {
            m[i] = new Machine(cfg, ConsoleSink.discard(), InputSource.of("typed\n".getBytes(), 20_000, 5_000));
            m[i].setTranslation(i > 0, 3);
            m[i].setBoundTranslation(true);
            m[i].load(img);
        }
        long chunk = 1;
        for (int point = 1; ; point++) {
            RunResult ref = m[0].run(chunk);
            assertThat(m[1].run(chunk)).as("point %d", point).isEqualTo(ref);
            assertThat(m[1].stateHash()).as("hash at %d", ref.time()).isEqualTo(m[0].stateHash());
            if (ref.reason() != StopReason.LIMIT_REACHED || ref.time() > 3_000_000) {
                break;
            }
            chunk = Math.min(chunk * 3 + 17 + point % 7, 999_983);
        }
        assertThat(m[1].translationCounts()[0]).as("regions").isPositive();
        assertThat(m[1].translationCounts()[2]).as("failed translations").isZero();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aDeadMachinesMemoryIsCollected() throws ReflectiveOperationException {
        WeakReference<byte[]> ram = runAndDrop();
        for (int i = 0; i < 100 && ram.get() != null; i++) {
            System.gc();
        }
        assertThat(ram.get()).as("the dead machine's RAM array").isNull();
    }

    /** Runs a bound machine to its exit and drops it; returns its RAM array, weakly. */
    private static WeakReference<byte[]> runAndDrop() throws ReflectiveOperationException {
        Machine m = boot(32, 3, "0x80020");   // a program of its own: no other test's class
        assertThat(m.run(1_000_000).reason()).isEqualTo(StopReason.EXITED);
        assertThat(m.translationCounts()[0]).isPositive();
        var f = Machine.class.getDeclaredField("mem");
        f.setAccessible(true);
        return new WeakReference<>(((PhysicalMemory) f.get(m)).ram);
    }
}
