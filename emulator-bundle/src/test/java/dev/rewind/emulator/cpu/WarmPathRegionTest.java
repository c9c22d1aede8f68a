package dev.rewind.emulator.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.MachineConfig;
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
 * Regions formed again with the paths back from their warm exits ({@link RegionForm#WARM_RUN},
 * {@link RegionCut.Shorts#warmed}): a caller loop calls a scanner of short blocks (the shape of CoreMark's
 * core_bench_state and core_state_transition: the callee's loops and states in other regions first). The interpreter,
 * the translator without paths back and the translator with them agree on time, pc, registers and memory at every
 * step, and the third forms at least one region again with paths back.
 */
class WarmPathRegionTest {

    static final long RAM = MachineConfig.RAM_BASE;

    /**
     * main: s0 = the string, loop: a0 = &s1 (the cursor), call scan, count the state it returns in counts[a0]; at the
     * string's end start again. scan: states of 2-4 instructions reading bytes until a separator (0x2c) or the end; the
     * states' stores past the counts make enough code that the default limit cuts the scanner's region.
     */
    static String program() {
        StringBuilder s = new StringBuilder("""
                main: auipc s0,0x4
                auipc s2,0x5
                addi s4,zero,0
                again: addi s1,s0,0
                loop: addi a0,zero,0
                jal ra,scan
                slli t0,a0,2
                add t0,t0,s2
                lw t1,0(t0)
                addi t1,t1,1
                sw t1,0(t0)
                addi s4,s4,1
                lbu t2,0(s1)
                bne t2,zero,loop
                jal zero,again
                scan: lbu t0,0(s1)
                addi s1,s1,1
                beq t0,zero,end
                addi t3,zero,44
                beq t0,t3,sep0
                andi t1,t0,1
                bne t1,zero,odd0
                """);
        for (int k = 0; k < 12; k++) {
            s.append("even").append(k).append(": lbu t0,0(s1)\n");
            s.append("addi s1,s1,1\n");
            s.append("beq t0,zero,end\n");
            s.append("beq t0,t3,sep").append(k % 3).append('\n');
            s.append("andi t1,t0,").append(2 << (k % 6)).append('\n');
            s.append("bne t1,zero,odd").append((k * 5 + 1) % 12).append('\n');
            s.append("addi a1,a1,").append(k + 1).append('\n');
            s.append("sw a1,16(s2)\n");
            s.append("sh t1,24(s2)\n");
            s.append("jal zero,even").append((k + 1) % 12).append('\n');
            s.append("odd").append(k).append(": lbu t0,0(s1)\n");
            s.append("addi s1,s1,1\n");
            s.append("beq t0,zero,end\n");
            s.append("beq t0,t3,sep").append((k + 1) % 3).append('\n');
            s.append("andi t1,t0,").append(4 << (k % 5)).append('\n');
            s.append("beq t1,zero,even").append((k * 7 + 2) % 12).append('\n');
            s.append("xori a2,a2,").append(k + 3).append('\n');
            s.append("sw a2,20(s2)\n");
            s.append("jal zero,odd").append((k + 1) % 12).append('\n');
        }
        s.append("""
                sep0: addi a0,zero,1
                jal zero,ret
                sep1: addi a0,zero,2
                jal zero,ret
                sep2: addi a0,zero,3
                jal zero,ret
                end: addi s1,s1,-1
                ret: jalr zero,0(ra)
                """);
        return s.toString();
    }

    /** Words of 4-24 bytes from a fixed generator, separated by 0x2c; a 0 at the end. */
    static byte[] data() {
        byte[] d = new byte[2001];
        long x = 0x2545F4914F6CDD1DL;
        int i = 0;
        while (i < 1960) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            int len = 4 + (int) ((x >>> 40) % 21);
            for (int k = 0; k < len; k++) {
                x ^= x << 13;
                x ^= x >>> 7;
                x ^= x << 17;
                byte b = (byte) Math.max(1, x & 0xFF);
                d[i++] = b == 0x2c ? 0x2d : b;
            }
            d[i++] = 0x2c;
        }
        return d;
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void regionsWithPathsBackMatchTheInterpreter(int xlen) {
        List<List<Long>> results = new ArrayList<>();
        long warmed = 0;
        for (int mode = 0; mode < 3; mode++) {
            PhysicalMemory mem = new PhysicalMemory(RAM, 1 << 20);
            CodeCache code = new CodeCache(mem, xlen);
            Hart h = new Hart(0, xlen);
            Bus bus = new Bus(mem, code, new Hart[] {h}, List.of(), ConsoleSink.discard());
            Interpreter in = new Interpreter(bus, code, mem, 1);
            in.jit.enabled = mode > 0;
            in.jit.threshold = 20;
            in.jit.shorts.code = 7900;
            in.jit.shorts.run = 1 << 20;
            // (mode 2: any exit of a widened region's sample is warm)
            in.jit.shorts.warmRun = mode == 2 ? 1 << 20 : 0;
            byte[] c = new Assembler(xlen).assemble(program(), RAM);
            mem.writeBytes(RAM, c, 0, c.length);
            byte[] d = data();
            mem.writeBytes(RAM + 0x4000, d, 0, d.length);
            h.setPc(RAM);
            List<Long> out = new ArrayList<>();
            long t = 0;
            for (long step : new long[] {3_000, 400_000, 1_500_000, 3_000_000}) {
                t += TestMachines.slices(in, h, t, step);
                out.add(t);
                out.add(h.pc);
                for (int r = 1; r < 32; r++) {
                    out.add(h.reg(r));
                }
                for (int k = 0; k < 4; k++) {
                    out.add(mem.read(RAM + 0x5004 + 4L * k, 4));
                }
            }
            results.add(out);
            if (mode > 0) {
                assertThat(in.jit.failures).as("failed translations").isZero();
            }
            if (mode == 2) {
                warmed = in.jit.shorts.warmed;
            }
        }
        assertThat(warmed).as("heads formed again with paths back").isPositive();
        assertThat(results.get(1)).isEqualTo(results.get(0));
        assertThat(results.get(2)).isEqualTo(results.get(0));
    }
}
