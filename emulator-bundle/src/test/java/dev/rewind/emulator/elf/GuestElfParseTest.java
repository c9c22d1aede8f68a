package dev.rewind.emulator.elf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Parses every guest program the project builds with GCC (tests/guest/elf, see tests/guest/Makefile). */
class GuestElfParseTest {

    static final Path GUEST_ELFS = Path.of("../tests/guest/elf");

    static List<Path> guestElfs() throws IOException {
        try (Stream<Path> files = Files.list(GUEST_ELFS)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".elf")).sorted().toList();
        }
    }

    @Test
    void theGuestProgramsAreThere() throws IOException {
        assertThat(guestElfs()).extracting(p -> p.getFileName().toString())
                .contains("hello-rv32.elf", "hello-rv64.elf", "tohost-rv32.elf", "tohost-rv64.elf");
    }

    @ParameterizedTest
    @MethodSource("guestElfs")
    void parses(Path file) throws Exception {
        ElfImage img = ElfLoader.parse(file);
        String name = file.getFileName().toString();
        assertThat(img.xlen()).isEqualTo(name.contains("-rv32") ? 32 : 64);
        assertThat(img.entry()).isEqualTo(0x8000_0000L);
        assertThat(img.rvc()).isTrue();
        assertThat(img.floatAbi()).isEqualTo(ElfImage.FloatAbi.SOFT);
        assertThat(img.loadSegments()).isNotEmpty();
        ElfSegment text = img.loadSegments().get(0);
        assertThat(text.executable()).isTrue();
        assertThat(Long.compareUnsigned(img.entry() - text.paddr(), text.memSize())).isNegative();
        for (ElfSegment s : img.loadSegments()) {
            assertThat(s.paddr()).isBetween(0x8000_0000L, 0x8000_0000L + (128L << 20) - s.memSize());
        }
        assertThat(img.symbol("_start")).map(ElfSymbol::value).contains(img.entry());
        assertThat(img.symbol("main")).map(ElfSymbol::isFunction).contains(true);
        assertThat(img.symbol("tohost").isPresent()).isEqualTo(name.startsWith("tohost"));
        assertThat(img.symbol("fromhost").isPresent()).isEqualTo(name.startsWith("tohost"));
        assertThat(img.sha256()).isEqualTo(ElfLoader.parse(Files.readAllBytes(file)).sha256());
    }
}
