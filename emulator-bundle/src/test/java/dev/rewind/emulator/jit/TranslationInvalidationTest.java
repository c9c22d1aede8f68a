package dev.rewind.emulator.jit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.MachineSnapshot;
import dev.rewind.emulator.RunResult;
import dev.rewind.emulator.StopReason;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.device.InputSource;
import dev.rewind.emulator.isa.Assembler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Translated code gives way where the interpreter would behave differently: breakpoints added after a loop
 * was translated stop it, code patched by the guest (with fence.i) or by a debugger write runs in its new
 * form, instrumentation callbacks fire as often as without translation, and snapshot restores drop it.
 * Every case runs with the translator off and forced on and compares.
 */
class TranslationInvalidationTest {

    static final long RAM = MachineConfig.RAM_BASE;
    /** Counts a1 up to a2 in a hot loop; at a1 == 1000 it patches the loop's increment (a4 = new word, a6 = RAM). */
    static final String LOOP = """
            addi a1,zero,0
            lui a2,0x3
            addi a3,zero,1000
            loop:
            inc: addi a1,a1,1
            xori a5,a1,5
            bne a1,a3,skip
            sw a4,%d(a6)
            """ + PatchScenario.LOOP_END;

    static Machine boot(int xlen, boolean jit) {
        Machine m = new Machine(MachineConfig.defaults(xlen).withRamSize(1 << 20), ConsoleSink.discard(),
                InputSource.none());
        m.setTranslation(jit, 0);
        Assembler asm = new Assembler(xlen);
        byte[] code = asm.assemble(LOOP.formatted(12), RAM);
        m.writeMemory(RAM, code, 0, code.length);
        m.hart(0).setPc(RAM);
        m.hart(0).setReg(14, asm.encode("addi a1,a1,3", RAM + 12));
        m.hart(0).setReg(16, RAM);
        return m;
    }

    static final long INC = RAM + 12;
    static final long XORI = RAM + 16;

    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    void guestPatchBreakpointAndDebugWriteAreHonoured(int xlen) {
        List<Long> trace = new ArrayList<>();
        for (boolean jit : new boolean[] {false, true}) {
            Machine m = boot(xlen, jit);
            RunResult r = m.run(2_000);
            assertThat(r.reason()).isEqualTo(StopReason.LIMIT_REACHED);
            if (jit) {
                assertThat(m.translationCounts()[0]).isPositive();
            }
            m.addBreakpoint(XORI);
            r = m.run(1_000_000);
            assertThat(r.reason()).isEqualTo(StopReason.BREAKPOINT);
            assertThat(r.address()).isEqualTo(XORI);
            trace.add(r.time());
            trace.add(m.stateHash());
            m.removeBreakpoint(XORI);
            r = m.run(20_000);
            trace.add(m.hart(0).reg(11));
            trace.add(m.stateHash());
            byte[] word = new byte[4];
            int addi5 = new Assembler(xlen).encode("addi a1,a1,5", INC);
            for (int i = 0; i < 4; i++) {
                word[i] = (byte) (addi5 >>> (8 * i));
            }
            m.writeMemory(INC, word, 0, 4);
            r = m.run(1_000_000);
            assertThat(r.reason()).isEqualTo(StopReason.EXITED);
            trace.add(r.time());
            trace.add(m.hart(0).reg(11));
            trace.add(m.stateHash());
        }
        int half = trace.size() / 2;
        assertThat(trace.subList(half, trace.size())).isEqualTo(trace.subList(0, half));
        assertThat(trace.get(2)).as("a1 after the guest's patch to +3").isGreaterThan(1000L);
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    void callbacksAndSnapshotRestoreMatchTheInterpreter(int xlen) {
        List<List<Long>> results = new ArrayList<>();
        for (boolean jit : new boolean[] {false, true}) {
            Machine m = boot(xlen, jit);
            List<Long> out = new ArrayList<>();
            m.run(3_000);
            MachineSnapshot s = m.snapshot();
            m.run(5_000);
            long h1 = m.stateHash();
            m.restore(s);
            m.run(5_000);
            out.add(h1);
            out.add(m.stateHash());
            long[] entered = new long[1];
            m.addInstrumentation(tb -> {
                if (tb.pc() == XORI || tb.pc() == INC) {
                    tb.onExecute((hart, pc) -> entered[0]++);
                }
            });
            m.run(4_000);
            out.add(entered[0]);
            out.add(m.stateHash());
            m.restore(s);
            m.run(1_000_000);
            out.add(entered[0]);
            out.add(m.time());
            out.add(m.stateHash());
            results.add(out);
        }
        assertThat(results.get(1)).isEqualTo(results.get(0));
        assertThat(results.get(0).get(0)).isEqualTo(results.get(0).get(1));
        assertThat(results.get(0).get(2)).isPositive();
    }
}
