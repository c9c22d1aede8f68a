package dev.rewind.mcd.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rewind.symbols.Symbols;
import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void numbersInEveryNotation() {
        assertThat(Values.number("42", "x")).isEqualTo(42);
        assertThat(Values.number("0x8000_0000", "x")).isEqualTo(0x8000_0000L);
        assertThat(Values.number("0XffffFFFFffffFFFF", "x")).isEqualTo(-1);
        assertThat(Values.number("0b101", "x")).isEqualTo(5);
        assertThat(Values.number("-3", "x")).isEqualTo(-3);
        assertThatThrownBy(() -> Values.number("12z", "step count")).hasMessage("step count: not a number: '12z'");
        assertThatThrownBy(() -> Values.count("-1", "hart")).hasMessage("hart: -1 is out of range");
    }

    @Test
    void addressesFromTheSymbolTable() throws Exception {
        Symbols image = Symbols.load(McdTargetTest.ELF.resolve("demo-rv32.elf"));
        long main = image.symbol("main").orElseThrow().value();
        assertThat(Values.address(image, "main")).isEqualTo(main);
        assertThat(Values.address(image, "main+8")).isEqualTo(main + 8);
        assertThat(Values.address(image, "main-0x2")).isEqualTo(main - 2);
        assertThat(Values.address(image, "0x80000000")).isEqualTo(0x8000_0000L);
        assertThat(Values.symbolSize(image, "items_produced")).isEqualTo(4);
        assertThat(Values.where(image, main + 4)).isEqualTo(Values.hex(main + 4) + " <main+4>");
        assertThatThrownBy(() -> Values.address(image, "nope")).hasMessageContaining("no symbol 'nope'");
        // code labels of the start-up assembly have names too, as in every front end
        long start = image.elf().entry();
        assertThat(Values.where(image, start + 2)).isEqualTo(Values.hex(start + 2) + " <_start+2>");
        // absolute symbols of the linker script are values by name; file symbols are not
        long dataLoad = image.elf().symbols().stream().filter(s -> s.name().equals("__data_load")).findFirst()
                .orElseThrow().value();
        assertThat(Values.address(image, "__data_load+4")).isEqualTo(dataLoad + 4);
        assertThatThrownBy(() -> Values.address(image, "demo.c")).hasMessageContaining("no symbol 'demo.c'");
    }

    @Test
    void littleEndianBothWays() {
        assertThat(Values.littleEndian(new byte[] {0x2e, 0x27, 0, 0})).isEqualTo(10030);
        assertThat(Values.toLittleEndian(0x11223344L, 4)).containsExactly(0x44, 0x33, 0x22, 0x11);
    }
}
