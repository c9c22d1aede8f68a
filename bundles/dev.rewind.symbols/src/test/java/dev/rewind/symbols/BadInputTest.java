package dev.rewind.symbols;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.symbols.dwarf.DwarfException;
import dev.rewind.symbols.dwarf.LineUnit;
import dev.rewind.symbols.elf.ElfException;
import dev.rewind.symbols.elf.ElfSection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Malformed DWARF: a clear problem for the unit, the rest still works, never a hang. */
@Timeout(120)
class BadInputTest {

    private static byte[] elf(String name) throws Exception {
        return Files.readAllBytes(Tools.GUEST.resolve("elf/" + name));
    }

    private static long fileOffset(byte[] bytes, String section) {
        return Symbols.load(bytes, "x").elf().sectionHeader(section).map(ElfSection::offset).orElseThrow();
    }

    @Test
    void aBadLineUnitIsAProblemAndTheOthersStillWork() throws Exception {
        byte[] b = elf("symbols-O0-rv64.elf");
        Symbols good = Symbols.load(b, "good");
        LineUnit second = good.lineUnits().get(1);
        long lineRange = fileOffset(b, ".debug_line") + second.offset() + 16; // v5: length 4, version 2, sizes 2, header_length 4, 4 bytes
        assertThat(b[(int) lineRange]).isEqualTo((byte) second.header().lineRange());
        b[(int) lineRange] = 0;
        Symbols bad = Symbols.load(b, "bad");
        assertThat(bad.problems()).singleElement().asString().contains("line_range is 0")
                .contains(".debug_line+0x" + Long.toHexString(second.offset()));
        assertThat(bad.lineUnits()).hasSize(good.lineUnits().size() - 1);
        long main = bad.symbol("main").orElseThrow().value();
        assertThat(bad.lineAt(main)).isEqualTo(good.lineAt(main));
        assertThat(bad.addressesOf("walk.c", 5)).isEqualTo(good.addressesOf("walk.c", 5));
    }

    @Test
    void anUnknownFormAndAHugeLengthAreProblems() throws Exception {
        byte[] b = elf("symbols-O2-rv32.elf");
        Symbols good = Symbols.load(b, "good");
        long unit = fileOffset(b, ".debug_line") + good.lineUnits().get(3).offset(); // list.c
        assertThat(b[(int) unit + 32]).isEqualTo((byte) 0x1f); // directory format: DW_LNCT_path, DW_FORM_line_strp
        b[(int) unit + 32] = 0x7f;
        Symbols bad = Symbols.load(b, "bad");
        assertThat(bad.problems()).singleElement().asString().contains("unsupported form 0x7f");
        assertThat(bad.lineUnits()).hasSize(good.lineUnits().size() - 1);
        long last = fileOffset(b, ".debug_line") + good.lineUnits().get(good.lineUnits().size() - 1).offset();
        b[(int) last + 3] = 0x7f; // unit length ~2 GB
        bad = Symbols.load(b, "bad");
        assertThat(bad.problems()).hasSize(2).last().asString().contains("runs past the end");
        assertThat(bad.lineAt(bad.symbol("main").orElseThrow().value())).isPresent();
    }

    @Test
    void badCallFrameInformationEndsTheBacktraceWithAReason() throws Exception {
        byte[] b = elf("symbols-O2-rv64.elf");
        Symbols good = Symbols.load(b, "good");
        long deepest = good.symbol("symbols_deepest").orElseThrow().value();
        long walkA = good.symbol("walk_a").orElseThrow().value();
        var fde = good.callFrameInfo().find(walkA).orElseThrow();
        long frame = fileOffset(b, ".debug_frame");
        b[(int) (frame + fde.instructionsStart())] = 0x3f; // no such call frame instruction
        Symbols bad = Symbols.load(b, "bad");
        assertThatThrownBy(() -> bad.unwindRowAt(walkA + 4)).isInstanceOf(DwarfException.class)
                .hasMessageContaining("unknown call frame instruction 0x3f");
        MachineTarget t = MachineTarget.stoppedAt(Tools.GUEST.resolve("elf/symbols-O2-rv64.elf"), 1, deepest);
        Backtrace bt = bad.backtrace(t);
        assertThat(bt.end()).contains("bad call frame information");
        assertThat(bt.frames()).hasSize(2); // symbols_deepest, then walk_a whose FDE is broken
        // a CIE of an unknown version: each of its FDEs is a problem, the other units' FDEs and lines still work
        b = elf("symbols-O2-rv64.elf");
        b[(int) frame + 8] = 9; // the first CIE's version (after its length and id)
        Symbols noCfi = Symbols.load(b, "bad");
        assertThat(noCfi.problems()).isNotEmpty().allSatisfy(p -> assertThat(p).contains("unsupported CIE version 9"));
        assertThat(noCfi.callFrameInfo().fdes()).hasSizeLessThan(good.callFrameInfo().fdes().size()).isNotEmpty();
        assertThat(noCfi.backtrace(t).frames()).isNotEmpty();
        assertThat(noCfi.lineAt(deepest)).isPresent();
    }

    @Test
    void randomMutationsNeverHangOrEscape() throws Exception {
        Random rnd = new Random(42);
        String[] sections = {".debug_line", ".debug_frame", ".eh_frame", ".debug_line_str"};
        int withProblems = 0;
        int runs = 0;
        for (String name : new String[] {"symbols-O0-rv32.elf", "symbols-O2-rv64.elf", "symbols-eh-rv64.elf",
            "demo-rv32.elf"}) {
            byte[] original = elf(name);
            Symbols good = Symbols.load(original, name);
            for (int i = 0; i < 150; i++) {
                byte[] b = original.clone();
                String sec = sections[rnd.nextInt(sections.length)];
                var header = good.elf().sectionHeader(sec);
                if (header.isEmpty()) {
                    continue;
                }
                int off = (int) header.get().offset();
                int size = (int) header.get().size();
                for (int m = 1 + rnd.nextInt(8); m > 0; m--) {
                    b[off + rnd.nextInt(size)] = (byte) (rnd.nextBoolean() ? rnd.nextInt(256) : 0xff);
                }
                Symbols s = Symbols.load(b, name);
                runs++;
                if (!s.problems().isEmpty()) {
                    withProblems++;
                }
                for (int k = 0; k < 50; k++) { // lookups on a damaged program answer or say no, never throw
                    long a = 0x8000_0000L + rnd.nextInt(0x3000);
                    s.lineAt(a);
                    s.symbolAt(a);
                    try {
                        s.unwindRowAt(a);
                    } catch (DwarfException e) {
                        assertThat(e.getMessage()).contains("+0x");
                    }
                }
                s.addressesOf("main.c", 1 + rnd.nextInt(40));
                s.sourceFiles();
            }
        }
        assertThat(runs).isGreaterThan(400);
        assertThat(withProblems).as("mutations that were detected").isGreaterThan(runs / 10);
    }

    @Test
    void truncatedOrForeignFilesAreClearElfErrors() throws Exception {
        byte[] b = elf("symbols-O0-rv32.elf");
        Random rnd = new Random(7);
        for (int i = 0; i < 200; i++) {
            byte[] cut = java.util.Arrays.copyOf(b, rnd.nextInt(b.length));
            try {
                Symbols.load(cut, "cut");
            } catch (ElfException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        }
        assertThatThrownBy(() -> Symbols.load(Path.of("/nonexistent.elf"))).isInstanceOf(java.io.IOException.class);
    }
}
