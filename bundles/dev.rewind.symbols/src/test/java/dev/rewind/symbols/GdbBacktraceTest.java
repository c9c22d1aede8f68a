package dev.rewind.symbols;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Unwinding against gdb-multiarch's {@code bt}: the engine stops the symbols fixture at several functions, the
 * hart's registers and RAM are written as an ELF core file, and gdb (reading the ELF and that core, no target)
 * prints its backtrace; our frames must have the same pcs and functions, down to main.
 */
@Timeout(120)
class GdbBacktraceTest {

    private static final Pattern FRAME = Pattern.compile("^#(\\d+)\\s+(?:(0x[0-9a-f]+) in )?([A-Za-z_][\\w.]*) ");

    static Stream<String[]> stops() {
        List<String[]> l = new ArrayList<>();
        for (String o : new String[] {"O0", "Og", "O2", "eh", "dwarf4"}) {
            for (String x : new String[] {"rv32", "rv64"}) {
                for (String fn : new String[] {"symbols_deepest", "list_sum", "shapes_area", "walk_b", "mul"}) {
                    l.add(new String[] {o + "-" + x, fn});
                }
            }
        }
        return l.stream();
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("stops")
    void framesEqualGdb(String variant, String function, @TempDir Path tmp) throws Exception {
        Path elf = UnwindTest.fixture(variant);
        Symbols syms = Symbols.load(elf);
        long at = syms.symbol(function).orElseThrow().value();
        MachineTarget t = MachineTarget.stoppedAt(elf, 1, at);
        // step into the body so that frame 0 is past the prologue's stack adjustment too
        for (int i = 0; i < 3 && syms.symbolAt(t.pc()).map(s -> s.name().equals(function)).orElse(false); i++) {
            t.machine.stepHart(t.hart());
        }
        Backtrace bt = syms.backtrace(t);
        long ramBase = 0x8000_0000L;
        long top = syms.symbol("__stacks_end").orElseThrow().value();
        byte[] ram = t.memory(ramBase, (int) (top - ramBase));
        long[] regs = new long[32];
        for (int r = 1; r < 32; r++) {
            regs[r] = t.register(r);
        }
        Path core = tmp.resolve("core");
        Files.write(core, CoreFile.write(t.xlen(), syms.elf().flags(), t.pc(), regs, ramBase, ram));
        String out = Tools.run(List.of(Tools.tool("gdb-multiarch", "gdb-multiarch").toString(), "-nx", "-batch",
                "-ex", "set osabi GNU/Linux", "-ex", "file " + elf, "-ex", "core-file " + core, "-ex",
                "set print frame-arguments none", "-ex", "bt 40"), "");
        List<long[]> gdbPcs = new ArrayList<>();
        List<String> gdbNames = new ArrayList<>();
        for (String l : out.split("\n")) {
            Matcher m = FRAME.matcher(l);
            if (m.find()) {
                if (m.group(1).equals("0")) { // core-file prints frame 0 before bt does
                    gdbPcs.clear();
                    gdbNames.clear();
                }
                gdbPcs.add(new long[] {m.group(2) == null ? t.pc() : Long.parseUnsignedLong(m.group(2).substring(2),
                        16)});
                gdbNames.add(m.group(3));
            }
        }
        int mainAt = gdbNames.indexOf("main");
        assertThat(mainAt).as("gdb output:\n%s", out).isPositive();
        assertThat(bt.frames().size()).as("%s vs gdb:\n%s", bt, out).isGreaterThan(mainAt);
        for (int i = 0; i <= mainAt; i++) {
            Frame f = bt.frames().get(i);
            assertThat(f.pc()).as("frame %d pc; gdb:\n%s", i, out).isEqualTo(gdbPcs.get(i)[0]);
            String name = syms.symbolAt(f.lookupPc()).map(s -> s.name()).orElse("??");
            assertThat(name.equals(gdbNames.get(i)) || name.startsWith(gdbNames.get(i) + ".")
                    || isInlinedInto(gdbNames, i, name)).as("frame %d: %s vs gdb:\n%s", i, name, out).isTrue();
        }
    }

    /** gdb shows inlined calls as frames of their own; the ELF symbol is then the function they are inlined into. */
    private static boolean isInlinedInto(List<String> gdbNames, int i, String name) {
        return gdbNames.subList(i, gdbNames.size()).contains(name);
    }
}
