package dev.rewind.mcd.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.mcd.api.CoreExecState;
import dev.rewind.mcd.api.CoreState;
import dev.rewind.symbols.elf.ElfException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** McdTarget over the real back end with the committed GCC-built guests. */
class McdTargetTest {
    static final Path ELF = Path.of("../../tests/guest/elf");
    static final dev.rewind.debug.DebugSessions SESSIONS = new dev.rewind.debug.SessionManager();

    static McdTarget load(String name, int harts) throws Exception {
        return McdTarget.load(SESSIONS, ELF.resolve(name), harts, 0);
    }

    @Test
    void breakpointStepReverseStepAndConsoleWithoutReplayedOutput() throws Exception {
        try (McdTarget t = load("hello-rv32.elf", 1)) {
            long main = t.symbols().symbol("main").orElseThrow().value();
            UserTriggers.Entry bp = t.triggers().addBreakpoint(main);
            CoreState st = t.run(0);
            assertThat(st.state()).isEqualTo(CoreExecState.DEBUG);
            assertThat(t.pc(0)).isEqualTo(main);
            assertThat(t.triggers().byMcdId(0, st.trigId())).isEqualTo(bp);
            assertThat(t.describe(st)).startsWith("hart 0 stopped at " + Values.hex(main) + " <main>, time ")
                    .contains("[1: breakpoint at " + Values.hex(main) + " <main>]");
            long atMain = t.time();
            t.step(0, 3);
            assertThat(t.time()).isEqualTo(atMain + 3);
            t.travel(0, tt -> tt.reverseStep(3));
            assertThat(t.pc(0)).isEqualTo(main);
            assertThat(t.time()).isEqualTo(atMain);
            t.triggers().removeAll();
            assertThat(t.run(0).state()).isEqualTo(CoreExecState.HALTED);
            assertThat(t.console()).isEqualTo("hello from hart 0\n");
            // back to the start and forward again: the output is history, not printed twice
            t.travel(0, tt -> tt.goToTime(0));
            assertThat(t.console()).isEqualTo("hello from hart 0\n");
            assertThat(t.run(0).state()).isEqualTo(CoreExecState.HALTED);
            assertThat(t.console()).isEqualTo("hello from hart 0\n");
        }
    }

    @Test
    void runFromABreakpointContinuesOverItAndMaxBoundsTheRun() throws Exception {
        try (McdTarget t = load("hello-rv32.elf", 1)) {
            long main = t.symbols().symbol("main").orElseThrow().value();
            t.triggers().addBreakpoint(main);
            t.run(0);
            long atMain = t.time();
            t.travel(0, tt -> tt.goToTime(atMain));
            CoreState st = t.run(10);
            assertThat(st.state()).isEqualTo(CoreExecState.DEBUG);
            assertThat(t.time()).isEqualTo(atMain + 10);
        }
    }

    @Test
    void watchpointOnAllHartsAndRegisterWrite() throws Exception {
        try (McdTarget t = load("demo-rv32.elf", 4)) {
            long counter = t.symbols().symbol("items_produced").orElseThrow().value();
            UserTriggers.Entry w = t.triggers().addWatchpoint(counter, 4, "w");
            assertThat(w.trigIds()).hasSize(4);
            CoreState st = t.run(0);
            // first hart 0's start-up code clears .bss, then a producer counts its first item
            assertThat(t.currentHart()).isZero();
            assertThat(Values.littleEndian(t.readMemory(counter, 4))).isZero();
            for (int i = 0; i < 10 && t.currentHart() == 0; i++) {
                st = t.run(0);
            }
            assertThat(st.state()).isEqualTo(CoreExecState.DEBUG);
            assertThat(t.currentHart()).isBetween(1, 3);
            assertThat(st.stopStr()).contains("watchpoint");
            assertThat(Values.littleEndian(t.readMemory(counter, 4))).isEqualTo(1);
            t.setRegister(t.currentHart(), "t6", 0x1234);
            assertThat(t.register(t.currentHart(), "x31")).isEqualTo(0x1234);
            t.triggers().remove(w.number());
            assertThatThrownBy(() -> t.triggers().remove(w.number())).hasMessageContaining("no breakpoint or watchpoint 1");
        }
    }

    @Test
    void badProgramsAndHartsAreRefusedClearly() {
        // the debug services refuse them; the shell names the reason as the symbols layer reads the file
        assertThatThrownBy(() -> McdTarget.load(SESSIONS, Path.of("/bin/true"), 1, 0)).isInstanceOf(ElfException.class)
                .hasMessageContaining("not a RISC-V ELF");
        assertThatThrownBy(() -> McdTarget.load(SESSIONS, ELF.resolve("none.elf"), 1, 0))
                .isInstanceOf(java.nio.file.NoSuchFileException.class);
        assertThatThrownBy(() -> load("hello-rv32.elf", 0)).hasMessageContaining("cannot load");
    }

    @Test
    void hartOutsideTheMachineIsAUsageError() throws Exception {
        try (McdTarget t = load("hello-rv32.elf", 2)) {
            assertThatThrownBy(() -> t.selectHart(2)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("no hart 2 (the program runs on 2 harts: 0..1)");
            assertThatThrownBy(() -> t.register(0, "q7")).hasMessageContaining("no register 'q7'");
            // x0..x31 and fp are aliases of the session's register names
            t.setRegister(1, "s0", 0x5a5a);
            assertThat(t.register(1, "x8")).isEqualTo(0x5a5a);
            assertThat(t.register(1, "FP")).isEqualTo(0x5a5a);
            assertThat(t.register(1, "x0")).isZero();
        }
    }
}
