package dev.rewind.symbols;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rewind.symbols.elf.ElfSymbol;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** ELF symbols against readelf -sW, and address/name lookups against nm, on every guest ELF. */
@Timeout(60)
class SymbolOracleTest {

    static List<Path> elfs() throws Exception {
        return Tools.guestElfs();
    }

    @ParameterizedTest
    @MethodSource("elfs")
    void symtabEqualsReadelf(Path elf) throws Exception {
        Symbols syms = Symbols.load(elf);
        String out = Tools.run(List.of(Tools.binutil("readelf").toString(), "-sW", elf.toString()), "");
        List<String> expected = new ArrayList<>();
        for (String l : out.split("\n")) {
            String[] t = l.strip().split("\\s+");
            if (t.length >= 7 && t[0].matches("\\d+:") && !t[0].equals("0:")) {
                String size = t[2].startsWith("0x") ? Long.toString(Long.parseLong(t[2].substring(2), 16)) : t[2];
                expected.add(Long.parseUnsignedLong(t[1], 16) + " " + size + " " + t[3] + " " + t[4] + " " + t[6]
                        + " " + (t.length > 7 ? t[7] : ""));
            }
        }
        List<String> actual = new ArrayList<>();
        for (ElfSymbol s : syms.elf().symbols()) {
            String ndx = s.section() == 0 ? "UND" : s.section() == 0xfff1 ? "ABS" : Integer.toString(s.section());
            String name = s.type() == ElfSymbol.Type.SECTION && s.name().isEmpty()
                    ? syms.elf().sections().get(s.section()).name() : s.name();
            actual.add(s.value() + " " + s.size() + " " + s.type() + " " + s.binding() + " " + ndx + " " + name);
        }
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @MethodSource("elfs")
    void lookupsAgreeWithNm(Path elf) throws Exception {
        Symbols syms = Symbols.load(elf);
        String out = Tools.run(List.of(Tools.binutil("nm").toString(), "-S", elf.toString()), "");
        int checked = 0;
        for (String l : out.split("\n")) {
            String[] t = l.strip().split("\\s+");
            if (t.length != 4 || !"TtDdBbRr".contains(t[2])) {
                continue; // only sized symbols defined in a section
            }
            long addr = Long.parseUnsignedLong(t[0], 16);
            long size = Long.parseUnsignedLong(t[1], 16);
            String name = t[3];
            ElfSymbol at = syms.symbolAt(addr).orElseThrow(() -> new AssertionError(name + " not found by address"));
            assertThat(at.value()).as(name).isEqualTo(addr);
            if (size > 1) {
                assertThat(syms.symbolAt(addr + size - 1).map(ElfSymbol::value)).as(name + " end").contains(addr);
            }
            if (Character.isUpperCase(t[2].charAt(0))) {
                assertThat(syms.symbol(name).map(ElfSymbol::value)).as(name).contains(addr);
                assertThat(syms.symbol(name).orElseThrow().type().name().toLowerCase(Locale.ROOT))
                        .isIn("func", "object");
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(5);
        assertThat(syms.symbolAt(0)).isEmpty();
    }
}
