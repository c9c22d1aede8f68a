package dev.rewind.symbols;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.symbols.dwarf.CfiRow;
import dev.rewind.symbols.dwarf.Fde;
import dev.rewind.symbols.dwarf.RegisterRule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The unwind rules at every row of every FDE against readelf --debug-dump=frames-interp, on every guest ELF. */
@Timeout(120)
class CfiOracleTest {

    /** readelf's register names (x8 is "s0" there). */
    static final String[] NAMES = {"zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2",
        "a3", "a4", "a5", "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5",
        "t6"};

    static List<Path> elfs() throws Exception {
        return Tools.guestElfs();
    }

    @ParameterizedTest
    @MethodSource("elfs")
    void rowsEqualReadelfFramesInterp(Path elf) throws Exception {
        Symbols syms = Symbols.load(elf);
        String out = Tools.run(List.of(Tools.binutil("readelf").toString(), "--debug-dump=frames-interp",
                elf.toString()), "");
        List<String> fdeHeaders = new ArrayList<>();
        String[] columns = null;
        boolean inFde = false;
        int rows = 0;
        for (String l : out.split("\n")) {
            String[] t = l.strip().split("\\s+");
            if (l.contains(" FDE ")) {
                String range = l.substring(l.indexOf("pc=") + 3);
                fdeHeaders.add(Long.parseLong(t[0], 16) + " " + range);
                columns = null;
                inFde = true;
            } else if (l.contains(" CIE")) {
                columns = null;
                inFde = false;
            } else if (t[0].equals("LOC") && inFde) {
                columns = t;
            } else if (columns != null && t.length == columns.length && t[0].matches("[0-9a-f]{8,16}")) {
                long loc = Long.parseUnsignedLong(t[0], 16);
                CfiRow row = syms.unwindRowAt(loc).orElseThrow(() -> new AssertionError("no FDE for 0x"
                        + Long.toHexString(loc)));
                StringBuilder mine = new StringBuilder(t[0]).append(' ').append(cfa(row));
                for (int i = 2; i < columns.length; i++) {
                    mine.append(' ').append(rule(row, columns[i]));
                }
                assertThat(mine.toString()).as("%s row", elf.getFileName()).isEqualTo(String.join(" ", t));
                rows++;
            }
        }
        List<String> myFdes = new ArrayList<>();
        for (Fde f : syms.callFrameInfo().fdes()) {
            String w = syms.xlen() == 64 ? "%016x" : "%08x";
            myFdes.add(f.offset() + " " + String.format(w + ".." + w, f.pcBegin(), f.pcEnd()));
        }
        assertThat(myFdes).containsExactlyInAnyOrderElementsOf(fdeHeaders);
        assertThat(rows).as("rows checked in %s", elf).isGreaterThan(20);
    }

    private static String cfa(CfiRow row) {
        if (row.cfa().expression() != null) {
            return "exp";
        }
        long off = row.cfa().offset();
        return NAMES[row.cfa().register()] + (off >= 0 ? "+" : "") + off;
    }

    private static String rule(CfiRow row, String column) {
        int reg = List.of(NAMES).indexOf(column);
        RegisterRule r = row.registers().get(reg);
        if (r == null) {
            return "u";
        }
        return switch (r.kind()) {
            case UNDEFINED -> "u";
            case SAME_VALUE -> "s";
            case OFFSET -> "c" + (r.offset() >= 0 ? "+" : "") + r.offset();
            case VAL_OFFSET -> "v" + (r.offset() >= 0 ? "+" : "") + r.offset();
            case REGISTER -> NAMES[r.register()];
            case EXPRESSION -> "exp";
            case VAL_EXPRESSION -> "vexp";
        };
    }
}
