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
 * Wide regions ({@link ExitHeat#WIDE}): a loop calls a token scanner (a small state machine with an inner loop per
 * state, as CoreMark's core_state_transition) over a byte string. With every sampled region made wide (a huge
 * {@code wideRun}), each is formed again from its head with the wide copy budget and size limit; registers, time and
 * memory match the interpreter's at every step, before and after the guest patches the scanner (its wide regions die).
 */
class WideRegionTest {

    static final long RAM = MachineConfig.RAM_BASE;
    /** Where main starts; the string is at MAIN + 0x4000 (auipc). */
    static final long MAIN = RAM + 4L * mainIndex();
    static final int LEN = 200;
    static final String PROGRAM = """
            jal zero,main
            trans: lbu t0,0(a0)
            addi t1,zero,44
            beq t0,t1,comma
            andi t2,t0,1
            bne t2,zero,odd
            even: addi a6,a6,1
            addi a0,a0,1
            lbu t0,0(a0)
            beq t0,zero,done
            andi t2,t0,1
            beq t2,zero,even
            jal zero,done
            odd: addi a7,a7,3
            addi a0,a0,1
            lbu t0,0(a0)
            beq t0,zero,done
            andi t2,t0,3
            addi t3,zero,3
            bne t2,t3,odd
            xori a7,a7,0x55
            jal zero,done
            comma: addi a0,a0,1
            addi a5,a5,1
            done: jalr zero,0(ra)
            main: auipc s0,0x4
            addi a1,zero,0
            lui s2,0x7
            outer: addi a0,s0,0
            inner: jal ra,trans
            lbu t0,0(a0)
            bne t0,zero,inner
            addi a1,a1,1
            bne a1,s3,keep
            sw a4,4(s4)
            fence.i
            keep: bne a1,s2,outer
            lui t6,0x100
            lui t5,0x5
            addi t5,t5,0x555
            sw t5,0(t6)
            """;

    private static int mainIndex() {
        return PROGRAM.substring(0, PROGRAM.indexOf("main:")).split("\n").length;
    }

    /** The string: bytes 1..255 from a fixed generator (no zero but the terminator), commas among them. */
    static byte[] data() {
        byte[] d = new byte[LEN + 1];
        long x = 0x2545F4914F6CDD1DL;
        for (int i = 0; i < LEN; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            int v = (int) (x & 0xFF);
            d[i] = (byte) (v % 7 == 0 ? 44 : v == 0 ? 1 : v);
        }
        return d;
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void wideRegionsMatchTheInterpreterAndDieWithTheirPatch(int xlen) {
        List<List<Long>> results = new ArrayList<>();
        for (boolean jit : new boolean[] {false, true}) {
            PhysicalMemory mem = new PhysicalMemory(RAM, 1 << 20);
            CodeCache code = new CodeCache(mem, xlen);
            Hart h = new Hart(0, xlen);
            Bus bus = new Bus(mem, code, new Hart[] {h}, List.of(), ConsoleSink.discard());
            Interpreter in = new Interpreter(bus, code, mem, 1);
            in.jit.enabled = jit;
            in.jit.threshold = 20;
            in.jit.heat.wideOn = true;
            in.jit.heat.wideRun = 1 << 30;
            Assembler asm = new Assembler(xlen);
            byte[] c = asm.assemble(PROGRAM, RAM);
            mem.writeBytes(RAM, c, 0, c.length);
            byte[] d = data();
            mem.writeBytes(MAIN + 0x4000, d, 0, d.length);
            h.setPc(MAIN);
            // (the guest patches the scanner's "addi a6,a6,1" in round 5000: the even state then counts by 2)
            h.setReg(19, 5000);
            h.setReg(20, RAM + 20);
            int patch = asm.encode("addi a6,a6,2", RAM + 24);
            h.setReg(14, patch);
            List<Long> out = new ArrayList<>();
            long t = 0;
            for (long step : new long[] {3_000, 1_000_000, 3_000_000, 3_000_000, 3_000_000}) {
                t += ExitHeatTestRun.run(in, h, t, step);
                out.add(t);
                out.add(h.pc);
                for (int r = 1; r < 32; r++) {
                    out.add(h.reg(r));
                }
                out.add(mem.read(RAM + 24, 4));
            }
            results.add(out);
            if (jit) {
                assertThat(in.jit.heat.wideHeads()).as("wide regions").isPositive();
                assertThat(in.jit.failures).as("failed translations").isZero();
                assertThat(mem.read(RAM + 24, 4)).as("the guest patched the scanner").isEqualTo(patch & 0xFFFFFFFFL);
            }
        }
        assertThat(results.get(1)).isEqualTo(results.get(0));
    }

    /** The slice loop, as {@code ExitHeatTest} runs it. */
    static final class ExitHeatTestRun {
        static long run(Interpreter in, Hart h, long t0, long n) {
            long used = 0;
            while (used < n) {
                used += in.runSlice(h, Math.min(1 << 16, n - used), t0 + used);
            }
            return used;
        }
    }
}
