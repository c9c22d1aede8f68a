package dev.rewind.symbols.info;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Variables in scope against gdb's {@code info scope *PC} (gdb reading the ELF alone) at the start of every
 * function and of every lexical block and inlined call of the fixtures' own units: same names, same sizes.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ScopesOracleTest {
    private static final String MARK = "@@@";
    private static final Pattern SYMBOL = Pattern.compile("(?m)^Symbol (\\S+) is ");
    private static final Pattern LENGTH = Pattern.compile(", length (\\d+)\\.\\s*$");

    static List<Path> elfs() throws Exception {
        return OracleTools.fixtures();
    }

    @ParameterizedTest
    @MethodSource("elfs")
    void variablesInScopeMatchGdbInfoScope(Path elf) throws Exception {
        DebugInfo di = OracleTools.load(elf);
        TreeSet<Long> pcs = new TreeSet<>(Long::compareUnsigned);
        for (Function f : di.functions()) {
            if (f.unit().name() == null || f.unit().name().contains("libgcc")) {
                continue; // libgcc's nests of inlined macros at one pc are listed differently by gdb
            }
            pcs.add(f.lowPc());
            starts(f.body(), pcs);
        }
        List<String> cmds = new ArrayList<>();
        for (long pc : pcs) {
            cmds.add("echo " + MARK + "\\n");
            cmds.add("info scope *0x" + Long.toHexString(pc));
        }
        String out = OracleTools.gdb(elf, cmds);
        String[] parts = out.substring(out.indexOf(MARK)).split(MARK + "\n", -1);
        assertThat(parts).hasSize(pcs.size() + 1);
        int i = 1;
        int compared = 0;
        for (long pc : pcs) {
            List<String> gdb = symbols(parts[i++]);
            List<String> mine = new ArrayList<>();
            for (Variable v : di.variablesAt(pc)) {
                mine.add(v.name() + " " + v.type().size());
            }
            List<String> gdbNames = gdb.stream().map(s -> s.split(" ")[0]).toList();
            assertThat(mine.stream().map(s -> s.split(" ")[0]).toList()).as("names at 0x%x in %s", pc,
                    elf.getFileName()).containsExactlyInAnyOrderElementsOf(gdbNames);
            for (String g : gdb) {
                if (g.contains(" ")) {
                    assertThat(mine).as("size at 0x%x", pc).contains(g);
                }
            }
            compared += gdb.size();
        }
        assertThat(compared).isGreaterThan(10);
    }

    private static void starts(Scope s, TreeSet<Long> pcs) {
        for (Scope c : s.children()) {
            if (!c.ranges().isEmpty()) {
                pcs.add(c.ranges().get(0).low());
            }
            starts(c, pcs);
        }
    }

    /** "name length" (or "name" when gdb gives no length) for each symbol of one info scope output. */
    private static List<String> symbols(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = SYMBOL.matcher(text);
        List<int[]> at = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (m.find()) {
            at.add(new int[] {m.start(), m.end()});
            names.add(m.group(1));
        }
        for (int k = 0; k < names.size(); k++) {
            String chunk = text.substring(at.get(k)[1], k + 1 < at.size() ? at.get(k + 1)[0] : text.length());
            if (chunk.startsWith("a function at address")) {
                continue; // gdb lists an inlined call's own function symbol too
            }
            Matcher l = LENGTH.matcher(chunk);
            out.add(l.find() ? names.get(k) + " " + l.group(1) : names.get(k));
        }
        return out;
    }
}
