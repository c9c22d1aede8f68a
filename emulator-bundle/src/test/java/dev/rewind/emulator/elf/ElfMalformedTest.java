package dev.rewind.emulator.elf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Each malformed input gets an ElfFormatException whose message names the problem. */
class ElfMalformedTest {

    private static byte[] elf64() {
        return Fixtures.bytes("hello64.elf");
    }

    private static byte[] elf32() {
        return Fixtures.bytes("hello32.elf");
    }

    /** File offset of the first PT_LOAD program header of an ELF64 fixture. */
    private static int firstLoad64(byte[] f) {
        return load64(f, 0);
    }

    /** File offset of the {@code n}th (from 0) PT_LOAD program header of an ELF64 fixture. */
    private static int load64(byte[] f, int n) {
        int phoff = (int) Fixtures.get64(f, 32);
        int phnum = f[56] & 0xFF;
        for (int i = 0, seen = 0; i < phnum; i++) {
            int ph = phoff + 56 * i;
            if (Fixtures.get32(f, ph) == 1 && seen++ == n) {
                return ph;
            }
        }
        throw new AssertionError("fixture has no PT_LOAD number " + n);
    }

    private static int firstLoad32(byte[] f) {
        int phoff = (int) Fixtures.get32(f, 28);
        int phnum = f[44] & 0xFF;
        for (int i = 0; i < phnum; i++) {
            int ph = phoff + 32 * i;
            if (Fixtures.get32(f, ph) == 1) {
                return ph;
            }
        }
        throw new AssertionError("fixture has no PT_LOAD");
    }

    /** File offset of the SHT_SYMTAB section header of an ELF64 fixture. */
    private static int symtabHeader64(byte[] f) {
        int shoff = (int) Fixtures.get64(f, 40);
        int shnum = f[60] & 0xFF;
        for (int i = 0; i < shnum; i++) {
            if (Fixtures.get32(f, shoff + 64 * i + 4) == 2) {
                return shoff + 64 * i;
            }
        }
        throw new AssertionError("fixture has no symtab");
    }

    private static void assertRejected(byte[] file, String... fragments) {
        var assertion = assertThatThrownBy(() -> ElfLoader.parse(file)).isInstanceOf(ElfFormatException.class);
        for (String fragment : fragments) {
            assertion.hasMessageContaining(fragment);
        }
    }

    @Test
    void emptyAndTinyFiles() {
        assertRejected(new byte[0], "not an ELF file");
        assertRejected(new byte[] {0x7F, 'E', 'L'}, "not an ELF file");
        assertRejected(Arrays.copyOf(elf64(), 10), "truncated ELF header", "e_ident");
        assertRejected(Arrays.copyOf(elf64(), 40), "truncated ELF header", "64 bytes");
        assertRejected(Arrays.copyOf(elf32(), 51), "truncated ELF header", "52 bytes");
    }

    @Test
    void badMagicClassEncodingVersion() {
        byte[] f = elf64();
        f[1] = 'X';
        assertRejected(f, "bad magic");
        f = elf64();
        f[4] = 3;
        assertRejected(f, "ELF class 3");
        f = elf64();
        f[5] = 2;
        assertRejected(f, "big-endian");
        f = elf64();
        f[6] = 0;
        assertRejected(f, "ELF version 0");
        f = elf64();
        Fixtures.put32(f, 20, 7);
        assertRejected(f, "e_version 7");
    }

    @Test
    void wrongMachineAndType() {
        byte[] f = elf64();
        Fixtures.put16(f, 18, 62);
        assertRejected(f, "not a RISC-V ELF", "62 (x86-64)");
        f = elf32();
        Fixtures.put16(f, 18, 40);
        assertRejected(f, "e_machine is 40 (ARM)");
        f = elf64();
        Fixtures.put16(f, 16, 1);
        assertRejected(f, "not an executable", "REL");
    }

    @Test
    void programHeaderTableProblems() {
        byte[] f = elf64();
        Fixtures.put64(f, 32, f.length - 10); // e_phoff near the end
        assertRejected(f, "program header table", "beyond the end of the file");
        f = elf64();
        Fixtures.put64(f, 32, 0x8000_0000_0000_0000L); // e_phoff >= 2^63
        assertRejected(f, "program header table", "beyond the end");
        f = elf64();
        Fixtures.put16(f, 56, 0); // e_phnum
        assertRejected(f, "no program headers");
        f = elf64();
        Fixtures.put16(f, 56, 0xFFFF);
        assertRejected(f, "extended program header numbering");
        f = elf64();
        Fixtures.put16(f, 56, 0xFFFE); // absurd count: table far beyond the file
        assertRejected(f, "program header table (65534 entries)", "beyond the end");
        f = elf64();
        Fixtures.put16(f, 54, 20); // e_phentsize
        assertRejected(f, "e_phentsize 20");
        f = elf64();
        Fixtures.put16(f, 52, 10); // e_ehsize
        assertRejected(f, "e_ehsize 10");
    }

    @Test
    void segmentProblems64() {
        byte[] f = elf64();
        int ph = firstLoad64(f);
        Fixtures.put64(f, ph + 8, f.length - 4); // p_offset: data runs past the end
        assertRejected(f, "program header 1 (PT_LOAD) file data", "beyond the end of the file");
        f = elf64();
        Fixtures.put64(f, ph + 32, 0x1000); // p_filesz > p_memsz
        assertRejected(f, "p_filesz 0x1000 is larger than p_memsz 0x98");
        f = elf64();
        Fixtures.put64(f, ph + 40, 0x7FFF_FFFF_8000_0000L); // p_memsz: paddr + memsz wraps past 2^64
        Fixtures.put64(f, ph + 24, 0x8000_0000_8000_0000L + 0x1000L);
        assertRejected(f, "overflows the 64-bit address space");
        f = elf64();
        Fixtures.put64(f, ph + 40, -16L); // p_memsz >= 2^63
        assertRejected(f, "absurd p_memsz");
        f = elf64();
        Fixtures.put64(f, ph + 40, 0); // the only PT_LOAD empty
        Fixtures.put64(f, ph + 32, 0);
        assertRejected(f, "no PT_LOAD segment");
    }

    @Test
    void segmentProblems32() {
        byte[] f = elf32();
        int ph = firstLoad32(f);
        Fixtures.put32(f, ph + 12, 0xFFFF_FF80L); // p_paddr near 4 GiB: + memsz 0x98 overflows
        assertRejected(f, "p_paddr 0xffffff80", "overflows the 32-bit address space");
        f = elf32();
        Fixtures.put32(f, ph + 16, 0xFFFF_FFFFL); // p_filesz huge
        Fixtures.put32(f, ph + 20, 0xFFFF_FFFFL);
        Fixtures.put32(f, ph + 12, 0);
        Fixtures.put32(f, ph + 8, 0);
        assertRejected(f, "file data", "beyond the end of the file");
    }

    @Test
    void sectionAndSymbolProblems() {
        byte[] f = elf64();
        Fixtures.put64(f, 40, f.length + 100L); // e_shoff past the end
        assertRejected(f, "section header table", "beyond the end");
        f = elf64();
        Fixtures.put16(f, 60, 0); // e_shnum 0 with e_shoff set
        assertRejected(f, "extended section numbering");
        f = elf64();
        Fixtures.put16(f, 58, 12); // e_shentsize
        assertRejected(f, "e_shentsize 12");

        int sh = symtabHeader64(elf64());
        f = elf64();
        Fixtures.put64(f, sh + 32, 0x10_0000); // symtab sh_size past the end
        assertRejected(f, "symbol table (section", "beyond the end");
        f = elf64();
        Fixtures.put64(f, sh + 56, 4); // sh_entsize too small
        assertRejected(f, "sh_entsize 4");
        f = elf64();
        Fixtures.put32(f, sh + 40, 200); // sh_link to a non-existent section
        assertRejected(f, "sh_link 200 names no section");
        f = elf64();
        Fixtures.put32(f, sh + 40, 1); // sh_link to .text
        assertRejected(f, "is not a string table");

        f = elf64();
        int symOff = (int) Fixtures.get64(f, sh + 24);
        Fixtures.put32(f, symOff + 24 * 10, 0x7FFF_FFF0L); // name index of symbol 10 beyond .strtab
        assertRejected(f, "entry 10", "outside its string table");

        f = elf64();
        int strSection = (int) Fixtures.get32(f, sh + 40);
        int strHeader = (int) Fixtures.get64(f, 40) + 64 * strSection;
        long strOff = Fixtures.get64(f, strHeader + 24);
        long strSize = Fixtures.get64(f, strHeader + 32);
        f[(int) (strOff + strSize - 1)] = 'x'; // last name loses its NUL
        assertRejected(f, "not NUL-terminated");
    }

    @Test
    void tooManyFileBytesReferenced() {
        // 40 PT_LOAD headers that all point at the whole file: overlapping beyond reason.
        byte[] base = elf64();
        int phoff = base.length;
        byte[] f = Arrays.copyOf(base, base.length + 40 * 56);
        Fixtures.put64(f, 32, phoff);
        Fixtures.put16(f, 56, 40);
        for (int i = 0; i < 40; i++) {
            int ph = phoff + 56 * i;
            Fixtures.put32(f, ph, 1);
            Fixtures.put32(f, ph + 4, 5);
            Fixtures.put64(f, ph + 8, 0);
            Fixtures.put64(f, ph + 16, 0x8000_0000L + i * 0x10_0000L);
            Fixtures.put64(f, ph + 24, 0x8000_0000L + i * 0x10_0000L);
            Fixtures.put64(f, ph + 32, base.length);
            Fixtures.put64(f, ph + 40, base.length);
        }
        assertRejected(f, "more than four times the file size");
    }

    @Test
    void segmentsThatLoadIntoTheSameBytes() throws Exception {
        // tohost64.elf: program header 1 loads 0x80000000+0x56 (code), program header 2 0x80001000+0x48 (data)
        byte[] f = Fixtures.bytes("tohost64.elf");
        Fixtures.put64(f, load64(f, 1) + 24, 0x8000_0010L); // data p_paddr into the code
        assertRejected(f, "PT_LOAD segments overlap in physical memory",
                "program header 1 (p_paddr 0x80000000 + p_memsz 0x56) and program header 2 (p_paddr 0x80000010 + "
                        + "p_memsz 0x48)");
        f = Fixtures.bytes("tohost64.elf");
        Fixtures.put64(f, load64(f, 1) + 24, 0x8000_0000L - 0x10); // data starts before the code and runs into it
        assertRejected(f, "overlap", "program header 1 (p_paddr 0x80000000", "program header 2 (p_paddr 0x7ffffff0");
        f = Fixtures.bytes("tohost64.elf");
        Fixtures.put64(f, load64(f, 1) + 24, 0x8000_0000L); // the same start
        assertRejected(f, "overlap");

        // split64.elf: .data loads at 0x800001f0, right after the code (0x80000000+0x1f0), to run at 0x80100000,
        // where .bss (program header 2) lies: touching in physical memory and sharing virtual addresses is fine
        byte[] split = Fixtures.bytes("split64.elf");
        int data = load64(split, 2);
        assertThat(Fixtures.get64(split, data + 24)).isEqualTo(0x8000_01f0L);
        assertThat(ElfLoader.parse(split).loadSegments()).hasSize(3);
        Fixtures.put64(split, data + 24, 0x8000_01efL); // one byte into the code
        assertRejected(split, "PT_LOAD segments overlap", "program header 1 (p_paddr 0x80000000 + p_memsz 0x1f0)",
                "program header 3 (p_paddr 0x800001ef + p_memsz 0x4)");
        split = Fixtures.bytes("split64.elf");
        Fixtures.put64(split, load64(split, 1) + 24, 0x8000_01f2L); // .bss over .data's load address
        assertRejected(split, "overlap", "program header 2 (p_paddr 0x800001f2 + p_memsz 0x840)",
                "program header 3 (p_paddr 0x800001f0 + p_memsz 0x4)");
    }

    @Test
    void entryPointOutsideTheExecutableSegments() throws Exception {
        // hello64.elf: one RWE segment, 0x80000000+0x98 (the last 0x40 bytes zero-filled)
        byte[] f = elf64();
        Fixtures.put64(f, 24, 0x8000_0097L); // the segment's last byte is still inside
        assertThat(ElfLoader.parse(f).entry()).isEqualTo(0x8000_0097L);
        Fixtures.put64(f, 24, 0x8000_0098L); // one past its end
        assertRejected(f, "entry point 0x80000098 lies in no executable PT_LOAD segment",
                "executable: program header 1 (p_paddr 0x80000000 + p_memsz 0x98)");
        Fixtures.put64(f, 24, 0x7FFF_FFFEL);
        assertRejected(f, "entry point 0x7ffffffe lies in no executable PT_LOAD segment");
        // tohost64.elf: the entry in the data segment, which is not executable
        f = Fixtures.bytes("tohost64.elf");
        Fixtures.put64(f, 24, 0x8000_1000L);
        assertRejected(f, "entry point 0x80001000 lies in no executable PT_LOAD segment",
                "executable: program header 1 (p_paddr 0x80000000 + p_memsz 0x56)");
        // hello32.elf without PF_X on its only segment
        f = elf32();
        int ph = firstLoad32(f);
        Fixtures.put32(f, ph + 24, Fixtures.get32(f, ph + 24) & ~ElfSegment.PF_X);
        assertRejected(f, "entry point 0x80000000 lies in no executable PT_LOAD segment",
                "no PT_LOAD segment has PF_X");
    }

    @Test
    void fileNameIsInTheMessage() throws Exception {
        java.nio.file.Path p = java.nio.file.Files.createTempFile("bad", ".elf");
        try {
            java.nio.file.Files.write(p, new byte[] {1, 2, 3});
            assertThatThrownBy(() -> ElfLoader.parse(p)).isInstanceOf(ElfFormatException.class)
                    .hasMessageContaining(p.toString()).hasMessageContaining("not an ELF file");
        } finally {
            java.nio.file.Files.delete(p);
        }
    }
}
