package dev.rewind.symbols;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.symbols.expr.Evaluator;
import dev.rewind.symbols.expr.ExpressionException;
import dev.rewind.symbols.info.Children;
import dev.rewind.symbols.info.FrameContext;
import dev.rewind.symbols.info.Location;
import dev.rewind.symbols.info.TargetWriter;
import dev.rewind.symbols.info.Value;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Changing variables and evaluating on the real engine: the symbols fixture stopped in symbols_deepest; writes
 * go to memory or to the register DWARF names, and what the program guarantees holds afterwards. Also the
 * evaluator's error messages and the children a variables view expands.
 */
@Timeout(60)
class SetVariableTest {

    static List<String> variants() {
        return ValuesGdbTest.variants().toList();
    }

    private record Stop(Symbols syms, MachineTarget target, Backtrace bt, Evaluator ev, TargetWriter writer) {
    }

    private static Stop stop(String variant) throws Exception {
        Path elf = UnwindTest.fixture(variant);
        Symbols syms = Symbols.load(elf);
        long entry = syms.symbol("symbols_deepest").orElseThrow().value();
        MachineTarget t = MachineTarget.stoppedAt(elf, 1, entry);
        // past the prologue, as a debugger stops at a function: the line changes from the opening one
        int opening = syms.lineAt(entry).orElseThrow().line();
        for (int i = 0; i < 50 && syms.lineAt(t.pc()).map(l -> l.line() == opening).orElse(false); i++) {
            t.machine.stepHart(t.hart());
        }
        return stopped(syms, t);
    }

    private static Stop stopped(Symbols syms, MachineTarget t) {
        Backtrace bt = syms.backtrace(t);
        TargetWriter w = new TargetWriter() {
            @Override
            public void writeMemory(long address, byte[] data) {
                t.machine.writeMemory(address, data, 0, data.length);
            }

            @Override
            public void setRegister(int reg, long value) {
                t.machine.hart(t.hart()).setReg(reg, value);
            }
        };
        return new Stop(syms, t, bt, new Evaluator(syms.debugInfo(), FrameContext.of(bt, 0, t)), w);
    }

    @ParameterizedTest
    @MethodSource("variants")
    void assignmentsLandWhereTheVariablesLive(String variant) throws Exception {
        Stop s = stop(variant);
        Evaluator ev = s.ev();
        ev.assign(ev.evaluate("g_counter"), "42", s.writer());
        assertThat(ev.print("g_counter")).isEqualTo("42");
        assertThat(s.target().word(s.syms().symbol("g_counter").orElseThrow().value()) & 0xffff_ffffL).isEqualTo(42);

        ev.assign(ev.evaluate("shapes[0].flags"), "3", s.writer());
        assertThat(ev.print("shapes[0].flags")).isEqualTo("3");
        assertThat(ev.print("shapes[0].visible")).as("neighbouring bit field").isEqualTo("1");
        assertThat(ev.print("shapes[0].ncorners")).isEqualTo("4");

        ev.assign(ev.evaluate("pool[0].color"), "BLUE", s.writer());
        assertThat(ev.print("pool[0].color")).isEqualTo("BLUE");
        assertThat(ev.print("pool[1].next->color")).isEqualTo("BLUE");

        ev.assign(ev.evaluate("shapes[1].corners[3]"), "shapes[0].corners[2]", s.writer());
        assertThat(ev.print("shapes[1].corners[3]")).isEqualTo("{x = 4, y = 4}");

        Value depth = ev.evaluate("depth");
        assertThat(depth.asLong()).isEqualTo(6); // symbols_deepest(WALK_DEPTH)
        if (depth.location() instanceof Location.Value) { // an entry value (Og/O2 after the first instructions)
            assertThatThrownBy(() -> ev.assign(depth, "7", s.writer())).hasMessageContaining("cannot write");
            // at the entry itself the parameter is still in a0: written there
            MachineTarget t = MachineTarget.stoppedAt(UnwindTest.fixture(variant), 1,
                    s.syms().symbol("symbols_deepest").orElseThrow().value());
            Stop atEntry = stopped(s.syms(), t);
            Value inReg = atEntry.ev().evaluate("depth");
            assertThat(inReg.location()).isEqualTo(new Location.Register(10));
            atEntry.ev().assign(inReg, "depth * 7", atEntry.writer());
            assertThat(t.register(10)).isEqualTo(42);
            assertThat(stopped(s.syms(), t).ev().evaluate("depth").asLong()).isEqualTo(42);
        } else {
            ev.assign(depth, "depth * 7", s.writer());
            Evaluator again = stopped(s.syms(), s.target()).ev(); // registers changed: unwind again
            assertThat(again.evaluate("depth").asLong()).isEqualTo(42);
        }
        assertThatThrownBy(() -> ev.assign(ev.evaluate("1 + 2"), "3", s.writer()))
                .isInstanceOf(ExpressionException.class).hasMessageContaining("cannot write");
    }

    @ParameterizedTest
    @MethodSource("variants")
    void errorsSayWhatIsWrong(String variant) throws Exception {
        Evaluator ev = stop(variant).ev();
        assertThatThrownBy(() -> ev.evaluate("nosuch")).hasMessage("no symbol 'nosuch' in current context");
        assertThatThrownBy(() -> ev.evaluate("*g_counter")).hasMessageContaining("cannot dereference a non-pointer");
        assertThatThrownBy(() -> ev.evaluate("*(int *)0x10")).hasMessageContaining(
                "Cannot access memory at address 0x10");
        assertThatThrownBy(() -> ev.evaluate("shapes[0].nope"))
                .hasMessage("there is no member named 'nope' in struct shape");
        assertThatThrownBy(() -> ev.evaluate("1 +")).hasMessage("expression ends too early");
        assertThatThrownBy(() -> ev.evaluate("1/0")).hasMessage("division by zero");
        assertThatThrownBy(() -> ev.evaluate("$foo")).hasMessage("no register named '$foo'");
        assertThatThrownBy(() -> ev.evaluate("(struct nosuch *)0")).hasMessage("no struct type named 'nosuch'");
        assertThatThrownBy(() -> ev.evaluate("g_table[1")).hasMessageContaining("expected ']'");
        assertThatThrownBy(() -> ev.evaluate("g_counter.x")).hasMessageContaining("cannot take member 'x'");
        assertThatThrownBy(() -> ev.evaluate("#")).hasMessageContaining("unexpected character '#'");
    }

    @ParameterizedTest
    @MethodSource("variants")
    void registersConditionsAndChildren(String variant) throws Exception {
        Stop s = stop(variant);
        Evaluator ev = s.ev();
        assertThat(ev.evaluate("$pc").asLong()).isEqualTo(s.target().pc());
        assertThat(ev.evaluate("$sp").asLong()).isEqualTo(s.target().register(2));
        assertThat(ev.evaluate("$a0 == $x10").asLong()).isEqualTo(1);
        assertThat(ev.test("walk_ra[0] != 0 && g_table[4] == 11")).isTrue();
        assertThat(ev.test("pool[2].color == GREEN")).isFalse();
        assertThat(ev.evaluate("sizeof(struct node)").asLong())
                .isEqualTo(s.syms().debugInfo().type("struct node").orElseThrow().size());

        List<String> names = Children.of(ev.evaluate("shapes[0]"), 100).stream().map(Children.Child::name).toList();
        assertThat(names).containsExactly("name", "corners", "ncorners", "tag", "combine", "flags", "visible");
        List<Children.Child> pointee = Children.of(ev.evaluate("pool[1].next"), 10);
        assertThat(pointee).hasSize(1);
        assertThat(Children.of(pointee.get(0).value(), 10).get(0).value().asLong()).isEqualTo(10);
        assertThat(Children.of(ev.evaluate("grid"), 100)).extracting(Children.Child::name)
                .containsExactly("[0]", "[1]", "[2]");

        // the list main built: five nodes, values 50..10, summing to what list_sum returned
        int main = s.bt().frames().indexOf(ValuesGdbTest.frameOf(s.syms(), s.bt(), "main"));
        Evaluator inMain = new Evaluator(s.syms().debugInfo(), FrameContext.of(s.bt(), main, s.target()));
        long sum = 0;
        int n = 0;
        for (String p = "pool[4]"; n < 10; n++) {
            Value node = inMain.evaluate(p);
            sum += inMain.evaluate(p + ".val").asLong();
            if (inMain.evaluate(p + ".next").asLong() == 0) {
                n++;
                break;
            }
            p = "(*" + p + ".next)";
            assertThat(node.address()).isPresent();
        }
        assertThat(n).isEqualTo(5);
        assertThat(sum).isEqualTo(150);
    }
}
