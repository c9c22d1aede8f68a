package dev.rewind.symbols.info;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.symbols.elf.ElfFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bounded random mutations and truncations of real GCC DWARF (the O2 fixture): loading never throws and never
 * hangs, every lookup on the result still works, and damage to one unit leaves the units before it intact.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MutatedDwarfTest {
    private static final String[] MUTATED = {".debug_info", ".debug_abbrev", ".debug_loclists", ".debug_rnglists",
        ".debug_str", ".debug_line_str"};

    private static Map<String, byte[]> sections(Path elf) throws Exception {
        ElfFile f = ElfFile.parse(Files.readAllBytes(elf));
        Map<String, byte[]> m = new HashMap<>();
        for (String n : Sections.NAMES) {
            f.section(n).ifPresent(b -> {
                byte[] a = new byte[b.remaining()];
                b.duplicate().get(a);
                m.put(n, a);
            });
        }
        return m;
    }

    private static DebugInfo load(Map<String, byte[]> m) {
        return DebugInfo.load(n -> Optional.ofNullable(m.get(n)).map(ByteBuffer::wrap));
    }

    /** Uses everything a debugger would: lookups, scopes, type names, locations at every function start. */
    private static void exercise(DebugInfo di) {
        for (Function f : di.functions()) {
            long pc = f.lowPc();
            assertThat(di.scopesAt(pc)).isNotNull();
            for (Variable v : di.variablesAt(pc)) {
                assertThat(TypeNames.declare(v.type(), String.valueOf(v.name()))).isNotNull();
                assertThat(TypeNames.ptype(v.type())).isNotNull();
                Value value = Locator.value(di, v, new FrameContext(new SmallTarget(0, new byte[256]), pc,
                        java.util.OptionalLong.of(128)));
                assertThat(ValueFormat.format(value)).isNotNull();
            }
        }
        for (Variable v : di.globals()) {
            assertThat(TypeNames.ptype(v.type())).isNotNull();
        }
        for (String t : di.typeNames()) {
            assertThat(TypeNames.ptype(di.type(t).orElseThrow())).isNotNull();
        }
    }

    @Test
    void randomMutationsNeverThrowOrHang() throws Exception {
        Path elf = OracleTools.ELFS.resolve("symbols-O2-rv64.elf");
        Map<String, byte[]> clean = sections(elf);
        exercise(load(clean));
        Random rnd = new Random(20261206);
        int withProblems = 0;
        for (int round = 0; round < 400; round++) {
            Map<String, byte[]> m = new HashMap<>(clean);
            String name = MUTATED[rnd.nextInt(MUTATED.length)];
            byte[] b = m.get(name).clone();
            int flips = 1 + rnd.nextInt(8);
            for (int i = 0; i < flips; i++) {
                int at = rnd.nextInt(b.length);
                b[at] = (byte) (rnd.nextInt(4) == 0 ? 0xff : rnd.nextInt(256));
            }
            m.put(name, b);
            DebugInfo di = load(m);
            exercise(di);
            if (!di.problems().isEmpty()) {
                withProblems++;
            }
        }
        assertThat(withProblems).as("mutations the reader noticed").isPositive();
    }

    @Test
    void truncatedInfoKeepsTheUnitsBeforeTheCut() throws Exception {
        Path elf = OracleTools.ELFS.resolve("symbols-O0-rv64.elf");
        Map<String, byte[]> clean = sections(elf);
        DebugInfo full = load(clean);
        List<CompileUnit> units = full.units();
        assertThat(units).hasSizeGreaterThan(3);
        byte[] info = clean.get(".debug_info");
        for (int cut = 0; cut < info.length; cut += Math.max(1, info.length / 97)) {
            Map<String, byte[]> m = new HashMap<>(clean);
            m.put(".debug_info", java.util.Arrays.copyOf(info, cut));
            DebugInfo di = load(m);
            exercise(di);
            final int c = cut;
            long whole = units.stream().filter(u -> unitEnd(units, u, info.length) <= c).count();
            assertThat(di.units().size()).as("cut at %d", cut).isGreaterThanOrEqualTo((int) whole);
            boolean cutInside = units.stream().anyMatch(u -> u.offset() < c && unitEnd(units, u, info.length) > c);
            if (cutInside) {
                assertThat(di.problems()).as("cut at %d", cut).isNotEmpty();
                assertThat(di.problems().get(0).toString()).contains(".debug_info");
            }
        }
    }

    private static long unitEnd(List<CompileUnit> units, CompileUnit u, long sectionEnd) {
        int i = units.indexOf(u);
        return i + 1 < units.size() ? units.get(i + 1).offset() : sectionEnd;
    }
}
