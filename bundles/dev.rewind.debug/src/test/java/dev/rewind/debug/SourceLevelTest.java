package dev.rewind.debug;

import static dev.rewind.debug.Guests.await;
import static dev.rewind.debug.Guests.elf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.symbols.SourceLine;
import dev.rewind.symbols.Symbols;
import dev.rewind.symbols.expr.Evaluator;
import dev.rewind.symbols.info.FrameContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Source-level services on the multi-file symbols fixture (GCC -O0): lines, functions, conditions, stepping. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SourceLevelTest {
    static final String PROGRAM = "symbols-O0-rv32.elf";
    private final SessionManager manager = new SessionManager();

    @AfterEach
    void end() {
        manager.close();
    }

    /** The line of main.c that contains {@code text}, from the source itself. */
    static int lineOf(String text) throws Exception {
        List<String> lines = Files.readAllLines(Path.of("../../tests/guest/src/symbols/main.c"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line with " + text);
    }

    private DebugSession launch() throws Exception {
        DebugSession s = await(manager.launch(LaunchConfig.of(elf(PROGRAM))));
        assertThat(s.symbols()).isPresent();
        return s;
    }

    private static Stop run(DebugSession s) throws Exception {
        var next = s.nextStop();
        await(s.resume());
        return await(next);
    }

    private static String print(DebugSession s, int hart, String expression) throws Exception {
        Symbols syms = s.symbols().orElseThrow();
        return await(s.inspect(hart, h -> new Evaluator(syms.debugInfo(), FrameContext.of(syms.backtrace(h), 0, h))
                .print(expression)));
    }

    @Test
    void functionBreakpointStopsAfterThePrologueAndTheStackUnwindsToMain() throws Exception {
        DebugSession s = launch();
        Breakpoint b = await(s.addBreakpoint(BreakpointSpec.function("step_loop")));
        assertThat(b.verified()).isTrue();
        Symbols syms = s.symbols().orElseThrow();
        long entry = syms.symbol("step_loop").orElseThrow().value();
        assertThat(b.addresses().get(0)).isGreaterThan(entry);
        Stop hit = run(s);
        assertThat(hit.reason()).isEqualTo(StopReason.BREAKPOINT);
        List<String> names = await(s.inspect(0, h -> syms.backtrace(h).frames().stream()
                .map(f -> syms.symbolAt(f.lookupPc()).map(x -> x.name()).orElse("?")).toList()));
        assertThat(names).startsWith("step_loop", "main");
        assertThat(print(s, 0, "n")).isEqualTo("10");
        // register names come from the machine's register map: ABI names, xN and fp all name the same registers
        long sp = await(s.readRegister(0, s.register("sp")));
        assertThat(print(s, 0, "$sp == $x2 && $fp == $s0 && $a0 == $x10")).isEqualTo("1");
        assertThat(print(s, 0, "(long)$sp")).isEqualTo(Long.toString((int) sp));
    }

    @Test
    void lineBreakpointWithAConditionAndALogPoint() throws Exception {
        DebugSession s = launch();
        int line = lineOf("g_counter++;");
        Breakpoint cond = await(s.addBreakpoint(BreakpointSpec.line("main.c", line).withCondition("i == 3")));
        assertThat(cond.verified()).isTrue();
        assertThat(cond.sourceLine()).isEqualTo(line);
        Stop hit = run(s);
        assertThat(hit.breakpointId()).isEqualTo(cond.id());
        assertThat(print(s, 0, "i")).isEqualTo("3");
        assertThat(print(s, 0, "acc")).isEqualTo(String.valueOf(2 + 3 + 5 + 7));
        await(s.removeBreakpoint(cond.id()));
        Events events = new Events();
        s.addListener(events);
        await(s.addBreakpoint(BreakpointSpec.line("main.c", line).withLogMessage("i={i} acc={acc}")));
        Stop exit = run(s);
        assertThat(exit.reason()).isEqualTo(StopReason.EXIT);
        assertThat(exit.exitCode()).isZero();
        events.waitFor(e -> e instanceof SessionEvent.Stopped);
        List<String> logs = events.stream().filter(e -> e instanceof SessionEvent.Output o && o.log())
                .map(e -> ((SessionEvent.Output) e).text()).toList();
        assertThat(logs).hasSize(6).first().isEqualTo("i=4 acc=28\n");
    }

    @Test
    void stepOverALineAndBackLandsWhereForwardExecutionWas() throws Exception {
        DebugSession s = launch();
        Symbols syms = s.symbols().orElseThrow();
        int line = lineOf("int steps = step_loop(10);");
        await(s.addBreakpoint(BreakpointSpec.line("main.c", line)));
        Stop at = run(s);
        SourceLine here = syms.lineAt(at.pc()).orElseThrow();
        assertThat(here.line()).isEqualTo(line);
        Stop over = await(s.stepRange(0, here.lo(), here.hi(), true));
        SourceLine next = syms.lineAt(over.pc()).orElseThrow();
        assertThat(next.line()).isGreaterThan(line);
        assertThat(over.time() - at.time()).as("step_loop ran whole").isGreaterThan(50);
        assertThat(print(s, 0, "steps")).isEqualTo(String.valueOf(2 * (2 + 3 + 5 + 7 + 11)));
        // a reverse "next": out of this line backwards, out of the previous line, one instruction forward
        Stop endOfPrevious = await(s.stepBackRange(0, next.lo(), next.hi(), true));
        SourceLine previous = syms.lineAt(endOfPrevious.pc()).orElseThrow();
        assertThat(previous.line()).isEqualTo(line);
        await(s.stepBackRange(0, previous.lo(), previous.hi(), true));
        Stop back = await(s.stepInstruction(0, 1));
        assertThat(back.pc()).isEqualTo(at.pc());
        assertThat(back.time()).isEqualTo(at.time());
    }
}
