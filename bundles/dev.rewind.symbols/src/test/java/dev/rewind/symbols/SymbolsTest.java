package dev.rewind.symbols;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.symbols.elf.ElfSymbol;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The facade: line ranges for stepping, file matching, source paths, programs without DWARF, several harts. */
@Timeout(60)
class SymbolsTest {

    private static Symbols load(String name) throws Exception {
        return Symbols.load(Tools.GUEST.resolve("elf/" + name));
    }

    @Test
    void theLineRangeIsTheContiguousBlockOfTheLine() throws Exception {
        for (String v : new String[] {"O0-rv32", "Og-rv64", "O2-rv32"}) {
            Symbols s = load("symbols-" + v + ".elf");
            long fn = s.symbol("list_sum").orElseThrow().value();
            long end = fn + s.symbol("list_sum").orElseThrow().size();
            for (long a = fn; a < end; a += 2) {
                SourceLine l = s.lineAt(a).orElseThrow();
                assertThat(l.contains(a)).isTrue();
                assertThat(l.file()).isEqualTo("./src/symbols/list.c");
                for (long x = l.lo(); x < l.hi(); x += 2) { // every address of the block has that line
                    assertThat(s.lineAt(x).orElseThrow().line()).as("%s 0x%x in %s", v, x, l).isEqualTo(l.line());
                }
                if (s.lineAt(l.hi()).isPresent()) { // and the block is maximal
                    assertThat(s.lineAt(l.hi()).orElseThrow().line()).isNotEqualTo(l.line());
                }
            }
        }
    }

    @Test
    void filesMatchByPathSuffixOrBaseName() throws Exception {
        Symbols s = load("symbols-O0-rv64.elf");
        LineAddresses byBase = s.addressesOf("walk.c", 7).orElseThrow();
        assertThat(byBase.file()).isEqualTo("./src/symbols/walk.c");
        assertThat(byBase.line()).isEqualTo(7);
        assertThat(s.addressesOf("src/symbols/walk.c", 7)).contains(byBase);
        assertThat(s.addressesOf("./src/symbols/walk.c", 7)).contains(byBase);
        assertThat(s.addressesOf(Tools.GUEST.resolve("src/symbols/walk.c").toString(), 7)).contains(byBase);
        assertThat(s.addressesOf("walk.c", 1).orElseThrow().line()).isEqualTo(4); // the first line with code
        assertThat(s.addressesOf("walk.c", 500)).isEmpty();
        assertThat(s.addressesOf("nosuch.c", 1)).isEmpty();
        long a = byBase.addresses().get(0);
        assertThat(s.symbolAt(a).map(ElfSymbol::name)).contains("walk_b");
        assertThat(s.sourceFiles()).contains("./src/symbols/main.c", "./src/symbols/types.h", "./rt/rt.c",
                "./rt/start.S");
    }

    @Test
    void sourcePathsResolveAgainstSourceDirectories(@TempDir Path tmp) throws Exception {
        Path guest = Tools.GUEST;
        assertThat(Symbols.resolveSource("./src/symbols/main.c", List.of(tmp, guest)))
                .contains(guest.resolve("src/symbols/main.c"));
        assertThat(Symbols.resolveSource("./src/symbols/main.c", List.of(guest.resolve("src"))))
                .contains(guest.resolve("src/symbols/main.c")); // a suffix of the DWARF path
        assertThat(Symbols.resolveSource(guest.resolve("rt/rt.c").toString(), List.of()))
                .contains(guest.resolve("rt/rt.c"));
        assertThat(Symbols.resolveSource("/build/elsewhere/../../../etc/passwd", List.of(tmp))).isEmpty();
        assertThat(Symbols.resolveSource("./src/symbols/nosuch.c", List.of(guest))).isEmpty();
        Symbols s = load("symbols-O2-rv32.elf");
        for (String f : s.sourceFiles()) {
            if (f.startsWith("./")) { // every file of the project is found from tests/guest
                assertThat(Symbols.resolveSource(f, List.of(guest))).as(f).isPresent();
            }
        }
    }

    @Test
    void withoutDebugInformationSymbolsAndALeafFrameStillWork(@TempDir Path tmp) throws Exception {
        Path elf = Tools.GUEST.resolve("elf/symbols-O2-rv64.elf");
        Path stripped = tmp.resolve("stripped.elf");
        Tools.run(List.of(Tools.binutil("strip").toString(), "-g", "-o", stripped.toString(), elf.toString()), "");
        Symbols s = Symbols.load(stripped);
        assertThat(s.hasLines()).isFalse();
        assertThat(s.problems()).isEmpty();
        assertThat(s.callFrameInfo().fdes()).isEmpty();
        long deepest = s.symbol("symbols_deepest").orElseThrow().value();
        assertThat(s.lineAt(deepest)).isEmpty();
        assertThat(s.symbolAt(deepest + 2).map(ElfSymbol::name)).contains("symbols_deepest");
        MachineTarget t = MachineTarget.stoppedAt(stripped, 1, deepest);
        Backtrace bt = s.backtrace(t);
        assertThat(bt.frames()).hasSize(2); // the leaf, and its caller through ra
        assertThat(bt.frames().get(1).pc()).isEqualTo(t.register(1));
        assertThat(s.symbolAt(bt.frames().get(1).lookupPc()).map(ElfSymbol::name)).contains("walk_a");
        assertThat(bt.end()).contains("no call frame information");
        assertThat(Files.size(stripped)).isLessThan(Files.size(elf));
    }

    @Test
    void everyHartHasItsOwnStack() throws Exception {
        Path elf = Tools.GUEST.resolve("elf/symbols-O0-rv32.elf");
        Symbols s = Symbols.load(elf);
        long loop = s.addressesOf("main.c", 24).orElseThrow().addresses().get(0); // spins += i & 3 in hart_main
        MachineTarget t = MachineTarget.stoppedAt(elf, 4, loop);
        int hart = t.hart();
        assertThat(hart).isBetween(1, 3);
        Backtrace bt = s.backtrace(t);
        assertThat(bt.frames()).extracting(f -> s.symbolAt(f.lookupPc()).orElseThrow().name())
                .containsExactly("hart_main", "_start");
        // the frame's own view of the target: registers of that frame
        TargetAccess outer = bt.frames().get(1).access(t);
        assertThat(outer.pc()).isEqualTo(bt.frames().get(1).pc());
        assertThat(outer.register(2)).isEqualTo(bt.frames().get(0).cfa());
        long stacksEnd = s.symbol("__stacks_end").orElseThrow().value();
        assertThat(bt.frames().get(0).cfa()).isEqualTo(stacksEnd - hart * 0x4000L); // the hart's own 16 KiB stack
    }
}
