package dev.rewind.emulator.elf;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.List;
import org.junit.jupiter.api.Test;

class ElfLoaderTest {

    @Test
    void theDigestIsOfTheFileAsParsedEvenWhenTheCallersArrayChangesLater() throws Exception {
        byte[] file = Fixtures.bytes("hello64.elf");
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(file);
        ElfImage img = ElfLoader.parse(file);
        java.util.Arrays.fill(file, (byte) 0);   // the digest is computed lazily, from the image's own copy

        assertThat(img.sha256()).isEqualTo(expected);
        assertThat(img.sha256()).isEqualTo(expected);   // and once
        assertThat(img.toString()).contains(img.sha256Hex().substring(0, 16));
    }

    @Test
    void parsesRv64Executable() throws Exception {
        byte[] file = Fixtures.bytes("hello64.elf");
        ElfImage img = ElfLoader.parse(file);
        assertThat(img.xlen()).isEqualTo(64);
        assertThat(img.type()).isEqualTo(ElfImage.ET_EXEC);
        assertThat(img.entry()).isEqualTo(0x8000_0000L);
        assertThat(img.rvc()).isTrue();
        assertThat(img.rve()).isFalse();
        assertThat(img.floatAbi()).isEqualTo(ElfImage.FloatAbi.SOFT);
        assertThat(img.sha256()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(file));
        assertThat(img.sha256Hex()).hasSize(64);

        // readelf: one LOAD at 0x80000000, offset 0x1000, filesz 0x58, memsz 0x98, RWE
        assertThat(img.loadSegments()).hasSize(1);
        ElfSegment seg = img.loadSegments().get(0);
        assertThat(seg.paddr()).isEqualTo(0x8000_0000L);
        assertThat(seg.vaddr()).isEqualTo(0x8000_0000L);
        assertThat(seg.fileSize()).isEqualTo(0x58);
        assertThat(seg.memSize()).isEqualTo(0x98);
        assertThat(seg.readable() && seg.writable() && seg.executable()).isTrue();
        byte[] data = seg.data();
        assertThat(data).containsExactly(java.util.Arrays.copyOfRange(file, 0x1000, 0x1058));

        ElfSymbol message = img.symbol("message").orElseThrow();
        assertThat(message.isObject()).isTrue();
        assertThat(message.isGlobal()).isTrue();
        assertThat(message.size()).isEqualTo(7);
        int at = (int) (message.value() - seg.vaddr());
        assertThat(new String(data, at, 6, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("hello\n");
        assertThat(img.symbol("counter").orElseThrow().size()).isEqualTo(8);
        assertThat(img.symbol("scratch").orElseThrow().size()).isEqualTo(64);
        assertThat(img.symbol("_start").orElseThrow().value()).isEqualTo(0x8000_0000L);
        assertThat(img.symbol("park").orElseThrow().bind()).isEqualTo(ElfSymbol.STB_LOCAL);
        assertThat(img.symbol("no_such_symbol")).isEmpty();
        assertThat(img.symbolAt(message.value() + 3)).contains(message);
        assertThat(img.symbols()).extracting(ElfSymbol::name).doesNotContain("");
    }

    @Test
    void parsesRv32Executable() throws Exception {
        ElfImage img = ElfLoader.parse(Fixtures.bytes("hello32.elf"));
        assertThat(img.xlen()).isEqualTo(32);
        assertThat(img.entry()).isEqualTo(0x8000_0000L); // zero-extended, not sign-extended
        assertThat(img.loadSegments()).singleElement().satisfies(s -> {
            assertThat(s.paddr()).isEqualTo(0x8000_0000L);
            assertThat(s.memSize()).isGreaterThan(s.fileSize());
        });
        assertThat(img.symbol("message")).isPresent();
        assertThat(img.symbol("counter").orElseThrow().value()).isBetween(0x8000_0000L, 0x8000_1000L);
    }

    @Test
    void findsTohostAndFromhost() throws Exception {
        ElfImage img = ElfLoader.parse(Fixtures.bytes("tohost64.elf"));
        assertThat(img.symbol("tohost").orElseThrow().value()).isEqualTo(0x8000_1000L);
        assertThat(img.symbol("fromhost").orElseThrow().value()).isEqualTo(0x8000_1040L);
        assertThat(img.loadSegments()).hasSize(2);
    }

    @Test
    void keepsLoadAddressDistinctFromRunAddress() throws Exception {
        ElfImage img = ElfLoader.parse(Fixtures.bytes("split64.elf"));
        List<ElfSegment> segs = img.loadSegments();
        // readelf: text at 0x80000000; bss+stack in RAM (no file bytes, offset 8 ignored); data VMA 0x80100000 LMA 0x800001f0
        assertThat(segs).hasSize(3);
        assertThat(segs.get(1).fileSize()).isZero();
        assertThat(segs.get(1).memSize()).isEqualTo(0x840);
        ElfSegment data = segs.get(2);
        assertThat(data.vaddr()).isEqualTo(0x8010_0000L);
        assertThat(data.paddr()).isEqualTo(0x8000_01f0L);
        assertThat(data.data()).containsExactly(0x78, 0x56, 0x34, 0x12);
        assertThat(img.symbol("main").orElseThrow().isFunction()).isTrue();
        assertThat(img.symbol("initialized").orElseThrow().value()).isEqualTo(0x8010_0000L);
        assertThat(img.symbolAt(img.symbol("main").orElseThrow().value())).map(ElfSymbol::name).contains("main");
    }

    @Test
    void segmentDataIsDefensivelyCopied() {
        ElfImage img = Fixtures.image("hello64.elf");
        byte[] d = img.loadSegments().get(0).data();
        d[0] ^= 0x55;
        assertThat(img.loadSegments().get(0).data()[0]).isNotEqualTo(d[0]);
        byte[] h = img.sha256();
        h[0] ^= 1;
        assertThat(img.sha256()[0]).isNotEqualTo(h[0]);
    }

    @Test
    void missingSymbolTableIsFine() throws Exception {
        byte[] file = Fixtures.bytes("hello64.elf");
        Fixtures.put64(file, 40, 0); // e_shoff = 0: no section headers
        Fixtures.put16(file, 60, 0); // e_shnum
        ElfImage img = ElfLoader.parse(file);
        assertThat(img.symbols()).isEmpty();
        assertThat(img.symbol("tohost")).isEmpty();
        assertThat(img.loadSegments()).hasSize(1);
    }

    @Test
    void imageBuiltInMemoryHasStableDigest() {
        List<ElfSegment> segs = List.of(new ElfSegment(0x8000_0000L, 0x8000_0000L, new byte[] {0x13, 0, 0, 0}, 16,
                ElfSegment.PF_R | ElfSegment.PF_X));
        ElfImage a = ElfImage.of(32, 0x8000_0000L, segs, List.of(new ElfSymbol("start", 0x8000_0000L, 0, 2, 1)));
        ElfImage b = ElfImage.of(32, 0x8000_0000L, segs, List.of(new ElfSymbol("start", 0x8000_0000L, 0, 2, 1)));
        ElfImage c = ElfImage.of(64, 0x8000_0000L, segs, List.of());
        assertThat(a.sha256()).isEqualTo(b.sha256()).isNotEqualTo(c.sha256());
        assertThat(a.symbol("start")).isPresent();
        assertThat(a.loadSegments().get(0)).isEqualTo(b.loadSegments().get(0));
    }
}
