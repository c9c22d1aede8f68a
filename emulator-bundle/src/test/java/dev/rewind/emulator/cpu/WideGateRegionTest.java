package dev.rewind.emulator.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.isa.Assembler;
import dev.rewind.emulator.mem.PhysicalMemory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Regions at the short-block limit take gated sparse budget checks whatever their blocks' mean length
 * ({@code jit.BudgetPlan.WIDE_SPARSE}): {@link ShortBlockRegionTest}'s state machine (its region at that limit at once),
 * run by the interpreter and by the translator in slices of every length from 1 to 101 instructions (so the slice loop
 * enters the region at every block with every budget, exhausted at the entry, at the gate, one short of it, and in
 * every block after it), agrees on time, pc and registers after every slice, and on memory at the end; the same for
 * {@link WarmPathRegionTest}'s caller and scanner (returns inside the region).
 */
class WideGateRegionTest {

    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void everySliceOfAWideRegionMatchesTheInterpreter(int xlen) {
        assertEverySliceMatches(xlen, ShortBlockRegionTest.program(), ShortBlockRegionTest.data(), false);
    }

    /**
     * {@link WarmPathRegionTest}'s caller loop and scanner at the short limit, formed again with paths back: its
     * returns dispatch behind their gate (over the region's return sites only with {@code retSites=all} or
     * {@code retWide=true}: the pom's ret-sites-all execution runs this test too).
     */
    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void everySliceOfAWideRegionWithReturnsMatchesTheInterpreter(int xlen) {
        assertEverySliceMatches(xlen, WarmPathRegionTest.program(), WarmPathRegionTest.data(), true);
    }

    private static void assertEverySliceMatches(int xlen, String program, byte[] data, boolean warm) {
        List<List<Long>> results = new ArrayList<>();
        int largest = 0;
        for (boolean jit : new boolean[] {false, true}) {
            PhysicalMemory mem = new PhysicalMemory(ShortBlockRegionTest.RAM, 1 << 20);
            CodeCache code = new CodeCache(mem, xlen);
            Hart h = new Hart(0, xlen);
            Bus bus = new Bus(mem, code, new Hart[] {h}, List.of(), ConsoleSink.discard());
            Interpreter in = new Interpreter(bus, code, mem, 1);
            in.jit.enabled = jit;
            in.jit.threshold = 20;
            in.jit.shorts.code = 7900;
            in.jit.shorts.run = warm ? 1 << 20 : 0;
            in.jit.shorts.warmRun = warm ? 1 << 20 : 0;
            byte[] c = new Assembler(xlen).assemble(program, ShortBlockRegionTest.RAM);
            mem.writeBytes(ShortBlockRegionTest.RAM, c, 0, c.length);
            mem.writeBytes(ShortBlockRegionTest.RAM + 0x4000, data, 0, data.length);
            h.setPc(ShortBlockRegionTest.RAM);
            h.setReg(20, -1); // (ShortBlockRegionTest's machine: no patch, the pass counter never reaches s4)
            List<Long> out = new ArrayList<>();
            long t = 0;
            for (int k = 0; t < 400_000; k++) {
                t += in.runSlice(h, 1 + k % 101, t);
                out.add(t);
                out.add(h.pc);
                out.add(h.reg(10) ^ h.reg(11) * 13 ^ h.reg(12) * 31 ^ h.reg(13) * 97 ^ h.reg(9) * 7 ^ h.reg(19) * 5);
            }
            for (int r = 1; r < 32; r++) {
                out.add(h.reg(r));
            }
            for (int k = 0; k < 4; k++) {
                out.add(mem.read(ShortBlockRegionTest.RAM + 0x5004 + 4L * k, 4));
            }
            results.add(out);
            if (jit) {
                assertThat(in.jit.failures).as("failed translations").isZero();
                for (long pc = ShortBlockRegionTest.RAM; pc < ShortBlockRegionTest.RAM + c.length; pc += 4) {
                    Block b = code.lookup(pc);
                    if (b != null && b.regions != null) {
                        for (JitCode j : b.regions) {
                            largest = Math.max(largest, j.blocks.length);
                        }
                    }
                }
            }
        }
        assertThat(largest).as("blocks of the largest region").isGreaterThan(20);
        assertThat(results.get(1)).hasSameSizeAs(results.get(0));
        assertThat(results.get(1)).isEqualTo(results.get(0));
    }
}
