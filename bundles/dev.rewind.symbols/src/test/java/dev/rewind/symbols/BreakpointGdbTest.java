package dev.rewind.symbols;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.symbols.elf.ElfSymbol;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Breakpoints by file:line and by function against gdb-multiarch's {@code break} (gdb reading the ELF only), on
 * every line of every fixture source file.
 */
@Timeout(120)
class BreakpointGdbTest {

    private static final Pattern ONE = Pattern.compile("^Breakpoint \\d+ at (0x[0-9a-f]+): file \\S+, line (\\d+)\\.");
    private static final Pattern MANY = Pattern.compile("^Breakpoint \\d+ at (0x[0-9a-f]+): \\S+:(\\d+)\\. \\((\\d+) locations\\)");
    private static final Pattern NONE = Pattern.compile("^No line \\d+ in file");

    static List<String> fixtures() {
        return UnwindTest.fixtures().toList();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void lineBreakpointsAgreeWithGdb(String variant) throws Exception {
        Path elf = UnwindTest.fixture(variant);
        Symbols syms = Symbols.load(elf);
        int checked = 0;
        Set<String> fewer = new TreeSet<>();
        Set<String> resolved = new TreeSet<>();
        for (String file : new String[] {"main.c", "list.c", "shapes.c", "recurse.c", "walk.c"}) {
            int n = Files.readAllLines(Tools.GUEST.resolve("src/symbols/" + file)).size();
            List<String> cmd = new ArrayList<>(List.of(Tools.tool("gdb-multiarch", "gdb-multiarch").toString(), "-nx",
                    "-batch", "-ex", "set breakpoint pending off", elf.toString()));
            for (int l = 1; l <= n; l++) {
                cmd.add("-ex");
                cmd.add("break " + file + ":" + l);
            }
            List<String> answers = new ArrayList<>();
            for (String s : Tools.run(cmd, "", true).split("\n")) {
                if (ONE.matcher(s).find() || MANY.matcher(s).find() || NONE.matcher(s).find()) {
                    answers.add(s);
                }
            }
            assertThat(answers).hasSize(n);
            for (int l = 1; l <= n; l++) {
                String g = answers.get(l - 1);
                Optional<LineAddresses> mine = syms.addressesOf("src/symbols/" + file, l);
                String where = variant + " " + file + ":" + l + " gdb: " + g + " mine: " + mine;
                if (NONE.matcher(g).find()) {
                    assertThat(mine).as(where).isEmpty();
                    continue;
                }
                Matcher m = ONE.matcher(g);
                boolean single = m.find();
                if (!single) {
                    m = MANY.matcher(g);
                    assertThat(m.find()).isTrue();
                }
                long gAddr = Long.parseUnsignedLong(m.group(1).substring(2), 16);
                int gLine = Integer.parseInt(m.group(2));
                LineAddresses la = mine.orElseThrow(() -> new AssertionError(where));
                List<Long> skipped = la.addresses().stream()
                        .map(a -> unoptimised(variant) ? prologueSkipped(syms, a) : a).toList();
                if (single) { // with several locations gdb repeats the asked line, not the one it resolved to
                    assertThat(la.line()).as(where).isBetween(l, gLine);
                } else {
                    assertThat(la.line()).as(where).isGreaterThanOrEqualTo(l);
                }
                assertThat(skipped).as(where).contains(gAddr);
                // gdb keeps one location per lexical block or inlined call; we keep one per ELF function (the
                // blocks are in .debug_info), so we may have fewer, never more
                assertThat(skipped).as(where).hasSizeBetween(1, single ? 1 : Integer.parseInt(m.group(3)));
                resolved.add(file + ":" + la.line());
                if (skipped.size() < (single ? 1 : Integer.parseInt(m.group(3)))) {
                    fewer.add(file + ":" + la.line());
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(30);
        assertThat(fewer).as("lines where gdb found more blocks").hasSizeLessThan(Math.max(3, resolved.size() / 5)); // 7 of 70 at -O2 (loops, inlined step_loop)
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void functionBreakpointsAgreeWithGdb(String variant) throws Exception {
        Path elf = UnwindTest.fixture(variant);
        Symbols syms = Symbols.load(elf);
        List<String> fns = new ArrayList<>();
        for (ElfSymbol s : syms.symbols()) {
            if (s.type() == ElfSymbol.Type.FUNC && syms.lineAt(s.value()).map(l -> l.file().contains("src/symbols"))
                    .orElse(false)) {
                fns.add(s.name());
            }
        }
        List<String> cmd = new ArrayList<>(List.of(Tools.tool("gdb-multiarch", "gdb-multiarch").toString(), "-nx",
                "-batch", elf.toString()));
        fns.remove("hart_main"); // gdb also finds rt.c's weak hart_main, which the linker discarded, in DWARF
        for (String f : fns) {
            cmd.add("-ex");
            cmd.add("break *" + "'" + f + "'");
            cmd.add("-ex");
            cmd.add("break '" + f + "'");
        }
        List<Long> gdb = new ArrayList<>();
        for (String s : Tools.run(cmd, "", true).split("\n")) {
            Matcher m = Pattern.compile("^Breakpoint \\d+ at (0x[0-9a-f]+)").matcher(s);
            if (m.find()) {
                gdb.add(Long.parseUnsignedLong(m.group(1).substring(2), 16));
            }
        }
        assertThat(gdb).hasSize(2 * fns.size());
        assertThat(fns).hasSizeGreaterThan(8);
        List<String> differ = new ArrayList<>();
        for (int i = 0; i < fns.size(); i++) {
            long entry = syms.symbol(fns.get(i)).orElseThrow().value();
            assertThat(gdb.get(2 * i)).isEqualTo(entry);
            long mine = syms.breakpointAddress(fns.get(i), unoptimised(variant)).orElseThrow();
            if (mine != gdb.get(2 * i + 1)) {
                differ.add(String.format("%s entry %x gdb %x mine %x", fns.get(i), entry, gdb.get(2 * i + 1), mine));
            }
        }
        assertThat(differ).as(variant).isEmpty();
    }

    /** gdb moves a breakpoint at a function's entry past its prologue (in units without location lists). */
    private static long prologueSkipped(Symbols syms, long a) {
        return syms.symbolAt(a).filter(s -> s.value() == a && s.type() == ElfSymbol.Type.FUNC)
                .map(syms::prologueEnd).orElse(a);
    }

    /** The fixture's units have no location lists (gdb's condition for skipping prologues) only at -O0. */
    private static boolean unoptimised(String variant) {
        return variant.startsWith("O0");
    }
}
