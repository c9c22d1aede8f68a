package dev.rewind.emulator.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.isa.Assembler;
import dev.rewind.emulator.jit.Translator;
import dev.rewind.emulator.mem.PhysicalMemory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Regions of short blocks ({@link RegionCut#SHORT_CODE}): a state machine of {@link #STATES} states of 2-4 instruction
 * blocks scans a byte string, each state reading one byte and branching to another state on one of its bits. Its
 * region is larger than {@code Translator.MAX_CODE_BYTES}; with the short-block limit it keeps more of its blocks.
 * The interpreter, the translator with the default limit and the translator with the short-block limit (at once, or
 * after the exit sample) agree on time, pc, registers and memory at every step, before and after the guest patches one
 * state's instruction.
 */
class ShortBlockRegionTest {

    static final long RAM = MachineConfig.RAM_BASE;
    static final int STATES = 24;
    static final int LEN = 240;

    /** main (pc RAM), the string at RAM + 0x4000 (auipc), the states, the pass loop's end. */
    static String program() {
        StringBuilder s = new StringBuilder("""
                main: auipc s0,0x4
                addi a1,zero,0
                lui s2,0x2
                outer: addi a0,s0,0
                addi s3,zero,240
                """);
        String[] acc = {"a2", "a3", "a4", "a6", "a7", "t3", "t4", "t5"};
        for (int k = 0; k < STATES; k++) {
            s.append("st").append(k).append(": lbu t0,0(a0)\n");
            s.append("addi a0,a0,1\n");
            s.append("addi s3,s3,-1\n");
            s.append("beq s3,zero,endpass\n");
            s.append("andi t1,t0,").append(1 << (k % 8)).append('\n');
            s.append("bne t1,zero,st").append((k * 7 + 3) % STATES).append('\n');
            s.append("add ").append(acc[k % 8]).append(',').append(acc[k % 8]).append(",t0\n");
            s.append("xori ").append(acc[(k + 3) % 8]).append(',').append(acc[(k + 3) % 8]).append(',')
                    .append(k + 1).append('\n');
        }
        s.append("jal zero,st0\n");
        s.append("""
                endpass: addi a1,a1,1
                bne a1,s4,keep
                sw a5,0(s5)
                fence.i
                keep: bne a1,s2,outer
                lui t6,0x100
                lui t5,0x5
                addi t5,t5,0x555
                sw t5,0(t6)
                """);
        return s.toString();
    }

    /** Bytes 1..255 from a fixed generator; a terminator that is never read (passes count bytes). */
    static byte[] data() {
        byte[] d = new byte[LEN + 1];
        long x = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < LEN; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            d[i] = (byte) Math.max(1, x & 0xFF);
        }
        return d;
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void shortBlockRegionsKeepMoreBlocksAndMatchTheInterpreter(int xlen) {
        List<List<Long>> results = new ArrayList<>();
        int[] largest = new int[4];
        for (int mode = 0; mode < 4; mode++) {
            PhysicalMemory mem = new PhysicalMemory(RAM, 1 << 20);
            CodeCache code = new CodeCache(mem, xlen);
            Hart h = new Hart(0, xlen);
            Bus bus = new Bus(mem, code, new Hart[] {h}, List.of(), ConsoleSink.discard());
            Interpreter in = new Interpreter(bus, code, mem, 1);
            in.jit.enabled = mode > 0;
            in.jit.threshold = 20;
            // (mode 2: every region of short blocks at the short limit; 3: only those whose sample left to the blocks
            // the cut dropped, formed again with them)
            in.jit.shorts.code = mode >= 2 ? 7900 : 0;
            in.jit.shorts.run = mode == 3 ? 64 : 0;
            Assembler asm = new Assembler(xlen);
            byte[] c = asm.assemble(program(), RAM);
            mem.writeBytes(RAM, c, 0, c.length);
            byte[] d = data();
            mem.writeBytes(RAM + 0x4000, d, 0, d.length);
            h.setPc(RAM);
            // (in pass 3000 the guest patches state 5's add, "add t3,t3,t0", to "sub t3,t3,t0"; main is 5
            // instructions, each state 8)
            long add5 = RAM + 4L * 5 + 4L * 8 * 5 + 4 * 6;
            int patch = asm.encode("sub t3,t3,t0", add5);
            h.setReg(20, 3000);
            h.setReg(21, add5);
            h.setReg(15, patch);
            List<Long> out = new ArrayList<>();
            long t = 0;
            for (long step : new long[] {2_000, 500_000, 2_000_000, 2_000_000, 3_000_000}) {
                t += TestMachines.slices(in, h, t, step);
                out.add(t);
                out.add(h.pc);
                for (int r = 1; r < 32; r++) {
                    out.add(h.reg(r));
                }
                out.add(mem.read(add5, 4));
            }
            assertThat(mem.read(add5, 4)).as("the guest patched state 5").isEqualTo(patch & 0xFFFFFFFFL);
            results.add(out);
            if (mode > 0) {
                assertThat(in.jit.failures).as("failed translations").isZero();
                for (long pc = RAM; pc < RAM + c.length; pc += 4) {
                    Block b = code.lookup(pc);
                    if (b != null && b.regions != null) {
                        for (JitCode j : b.regions) {
                            largest[mode] = Math.max(largest[mode], j.blocks.length);
                        }
                    }
                }
            }
        }
        assertThat(Translator.MAX_CODE_BYTES).isLessThan(7900);
        assertThat(largest[2]).as("blocks of the largest region, short-block limit vs default")
                .isGreaterThan(largest[1]);
        assertThat(largest[3]).as("blocks of the largest region, formed again after its sample vs default")
                .isGreaterThan(largest[1]);
        assertThat(results.get(1)).isEqualTo(results.get(0));
        assertThat(results.get(2)).isEqualTo(results.get(0));
        assertThat(results.get(3)).isEqualTo(results.get(0));
    }
}
