package dev.rewind.symbols.info;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Types as gdb prints them: {@code ptype} of every named type and {@code whatis} of every global (that only one
 * unit defines), on every guest ELF, gdb reading the ELF alone.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class TypesOracleTest {
    private static final String MARK = "@@@";

    static List<Path> elfs() throws Exception {
        return OracleTools.allElfs();
    }

    @ParameterizedTest
    @MethodSource("elfs")
    void ptypeAndWhatisMatchGdb(Path elf) throws Exception {
        DebugInfo di = OracleTools.load(elf);
        Map<String, String> mine = new LinkedHashMap<>();
        for (String name : new TreeSet<>(di.typeNames())) {
            if (name.contains("{...}") || name.startsWith("__") || name.contains("complex")) {
                continue; // anonymous, compiler-internal, or a spelling gdb cannot parse (complex double)
            }
            mine.put("ptype " + name, "type = " + TypeNames.ptype(di.type(name).orElseThrow()));
        }
        for (Variable v : di.globals()) {
            if (di.globals(v.name()).size() == 1) {
                mine.put("whatis " + v.name(), "type = " + v.type().name());
            }
        }
        assertThat(mine).hasSizeGreaterThan(3);
        List<String> cmds = new ArrayList<>();
        for (String c : mine.keySet()) {
            cmds.add("echo " + MARK + "\\n");
            cmds.add(c);
        }
        String out = OracleTools.gdb(elf, cmds);
        String[] parts = out.substring(out.indexOf(MARK)).split(MARK + "\n", -1);
        assertThat(parts).as(out).hasSize(mine.size() + 1);
        int i = 1;
        for (Map.Entry<String, String> e : mine.entrySet()) {
            assertThat(e.getValue()).as("%s in %s", e.getKey(), elf.getFileName()).isEqualTo(parts[i++].strip());
        }
    }
}
