package dev.rewind.symbols.elf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ElfFileTest {

    static Path guestElf(String name) {
        return Path.of("../../tests/guest/elf", name);
    }

    @Test
    void readsHeaderSectionsSymbolsAndSegments() throws Exception {
        for (String x : new String[] {"rv32", "rv64"}) {
            ElfFile elf = ElfFile.parse(Files.readAllBytes(guestElf("demo-" + x + ".elf")));
            assertThat(elf.xlen()).isEqualTo(x.equals("rv32") ? 32 : 64);
            assertThat(elf.section(".debug_line")).isPresent();
            assertThat(elf.section(".text").orElseThrow().remaining()).isPositive();
            ElfSymbol main = elf.symbols().stream().filter(s -> s.name().equals("main")).findFirst().orElseThrow();
            assertThat(main.type()).isEqualTo(ElfSymbol.Type.FUNC);
            assertThat(main.binding()).isEqualTo(ElfSymbol.Binding.GLOBAL);
            assertThat(elf.isText(main.value())).isTrue();
            assertThat(elf.loadSegments()).anySatisfy(s -> assertThat(s.contains(elf.entry()) && s.executable()).isTrue());
        }
    }

    @Test
    void rejectsNonRiscvAndGarbage() {
        assertThatThrownBy(() -> ElfFile.parse(new byte[] {1, 2, 3})).isInstanceOf(ElfException.class)
                .hasMessageContaining("magic");
        byte[] hdr = new byte[64];
        hdr[0] = 0x7f;
        hdr[1] = 'E';
        hdr[2] = 'L';
        hdr[3] = 'F';
        hdr[4] = 2;
        hdr[5] = 1;
        hdr[18] = 62; // x86-64
        assertThatThrownBy(() -> ElfFile.parse(hdr)).isInstanceOf(ElfException.class).hasMessageContaining("RISC-V");
    }
}
