package dev.rewind.symbols;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.symbols.expr.Evaluator;
import dev.rewind.symbols.expr.ExpressionException;
import dev.rewind.symbols.info.FrameContext;
import dev.rewind.symbols.info.ValueFormat;
import dev.rewind.symbols.info.Variable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values and expressions against gdb's {@code print}: the engine runs the symbols fixture to symbols_deepest
 * (8 calls deep, main's work done), the stopped hart is written as a core file, and gdb (ELF + core, no target)
 * prints globals, expressions and every variable visible in the frames of main, walk_a, walk_b and
 * symbols_deepest; our evaluator must print the same text, or both must refuse.
 */
@Timeout(180)
class ValuesGdbTest {
    private static final String MARK = "@@@";

    static final List<String> GLOBAL_EXPRESSIONS = List.of("g_table", "g_table[3]", "sizeof(g_table)",
            "sizeof(struct node)", "shapes[1].tag", "shapes[1].tag.u == 0xdeadbeef", "shapes[0].corners",
            "shapes[0].corners[2]", "shapes[0].corners[2].x * shapes[0].corners[2].y", "grid", "grid[1]",
            "grid[1][2] + grid[2][3]", "&grid[1][0] - &grid[0][0]", "*&g_table[2]", "pool[1].next->val",
            "pool[4].next->next->val", "(int)pool[2].color", "pool[2].color == BLUE", "pool[0].color", "pool[3]",
            "*shapes[0].name", "shapes[0].flags", "shapes[0].visible", "shapes[1].flags",
            "(char)65", "'a' + 1", "-g_table[0]", "g_table[4] % 4 ? 1 : 2", "!g_counter", "0x10 >> 2",
            "(unsigned char)300", "g_counter", "s_calls", "walk_ra[0] != 0", "walk_reached", "hart_done",
            "cv_limit", "RED", "(enum color)3", "(enum color)4", "10/3", "-7/2", "-7 % 3", "1u - 2",
            "sizeof(union value)", "shapes[1].tag.bytes", "shapes[0].name", "nosuch", "*g_counter",
            "shapes[0].nope", "1/0", "g_table[1] < g_table[2] && g_table[3] > 6", "sizeof(coord_t)",
            "(long)&g_table[1] - (long)&g_table[0]", "~0", "$x0", "grid[2]", "shapes[0].tag.i",
            "shapes[1].tag.wide", "shapes[0].corners[1].x", "&pool[1]", "*(struct node *)&pool[1]", "sizeof pool",
            "(long)pool[1].next - (long)&pool[0]", "grid[1][2] * 2 + 1 << 2 == 60", "1 ? 2 : 3 ? 4 : 5", "010",
            "(char)'\\n'", "g_table + 1", "*g_table", "-1 > 0u", "(unsigned char)-1", "(short)-1",
            "shapes[0].corners + 1", "&shapes[1].tag", "shapes[0].combine", "*shapes[0].combine", "&grid[1]", "*grid",
            "sizeof(grid[0]) / sizeof(grid[0][0])", "pool[1].next == &pool[0]", "!pool[0].next", "~pool[1].val & 0xff",
            "(enum color)GREEN", "shapes[0].name[1]", "walk_ra[1] - walk_ra[0]");

    static Stream<String> variants() {
        return UnwindTest.fixtures();
    }

    @ParameterizedTest
    @MethodSource("variants")
    void printsLikeGdb(String variant, @TempDir Path tmp) throws Exception {
        Path elf = UnwindTest.fixture(variant);
        Symbols syms = Symbols.load(elf);
        assertThat(syms.debugInfo().problems()).isEmpty();
        MachineTarget t = MachineTarget.stoppedAt(elf, 1, syms.symbol("symbols_deepest").orElseThrow().value());
        Backtrace bt = syms.backtrace(t);

        List<String[]> items = new ArrayList<>(); // frame selector, expression
        for (String e : GLOBAL_EXPRESSIONS) {
            items.add(new String[] {"symbols_deepest", e});
        }
        for (String fn : List.of("symbols_deepest", "walk_a", "walk_b", "main")) {
            Frame f = frameOf(syms, bt, fn);
            Set<String> names = new LinkedHashSet<>();
            for (Variable v : syms.debugInfo().variablesAt(f.lookupPc())) {
                names.add(v.name());
            }
            assertThat(names).as("variables in %s", fn).isNotEmpty();
            for (String n : names) {
                items.add(new String[] {fn, n});
            }
        }
        items.add(new String[] {"main", "head->next->next->val"});
        items.add(new String[] {"main", "*head"});
        items.add(new String[] {"walk_b", "local == depth * 3"});

        List<String> cmds = new ArrayList<>(List.of("set osabi GNU/Linux", "file " + elf, "core-file "
                + core(syms, t, tmp), "set print frame-arguments none", "set charset ASCII"));
        for (String[] it : items) {
            cmds.add("frame function " + it[0]);
            cmds.add("echo " + MARK + "\\n");
            cmds.add("print " + it[1]);
        }
        cmds.add("echo " + MARK + "\\n");
        String out = gdb(cmds);
        String[] parts = out.split(MARK + "\n", -1);
        assertThat(parts).as(out).hasSize(items.size() + 2);
        int i = 1;
        int compared = 0;
        org.assertj.core.api.SoftAssertions soft = new org.assertj.core.api.SoftAssertions();
        for (String[] it : items) {
            String gdbText = firstLine(parts[i++]);
            String mine;
            try {
                int level = bt.frames().indexOf(frameOf(syms, bt, it[0]));
                mine = new Evaluator(syms.debugInfo(), FrameContext.of(bt, level, t), symbolizer(syms)).print(it[1]);
            } catch (ExpressionException e) {
                mine = null;
            }
            if (gdbText.startsWith("$")) {
                soft.assertThat(mine).as("%s in %s (%s); gdb: %s", it[1], it[0], variant, gdbText)
                        .isEqualTo(gdbText.substring(gdbText.indexOf(" = ") + 3));
                compared++;
            } else {
                soft.assertThat(mine).as("%s in %s (%s): gdb refused with %s", it[1], it[0], variant, gdbText).isNull();
            }
        }
        soft.assertAll();
        assertThat(compared).isGreaterThan(GLOBAL_EXPRESSIONS.size() / 2);
    }

    /** ELF symbols as gdb names addresses: {@code name} or {@code name+offset}. */
    static ValueFormat.Symbolizer symbolizer(Symbols syms) {
        return a -> syms.symbolAt(a).map(s -> a == s.value() ? s.name() : s.name() + "+" + (a - s.value()));
    }

    static Frame frameOf(Symbols syms, Backtrace bt, String function) {
        for (Frame f : bt.frames()) {
            if (syms.symbolAt(f.lookupPc()).map(s -> s.name().equals(function)).orElse(false)) {
                return f;
            }
        }
        throw new AssertionError("no frame of " + function + " in " + bt);
    }

    private static String firstLine(String part) {
        for (String l : part.split("\n")) {
            if (!l.isBlank()) {
                return l.strip();
            }
        }
        return "";
    }

    static Path core(Symbols syms, MachineTarget t, Path tmp) throws Exception {
        long ramBase = 0x8000_0000L;
        long top = syms.symbol("__stacks_end").orElseThrow().value();
        byte[] ram = t.memory(ramBase, (int) (top - ramBase));
        long[] regs = new long[32];
        for (int r = 1; r < 32; r++) {
            regs[r] = t.register(r);
        }
        Path core = tmp.resolve("core");
        Files.write(core, CoreFile.write(t.xlen(), syms.elf().flags(), t.pc(), regs, ramBase, ram));
        return core;
    }

    /** gdb with stderr merged into stdout (errors of a print appear in place). */
    static String gdb(List<String> commands) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Tools.tool("gdb-multiarch", "gdb-multiarch").toString(), "-nx",
                "-batch"));
        for (String c : commands) {
            cmd.add("-ex");
            cmd.add(c);
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
