package dev.rewind.emulator.elf;

import java.util.ArrayList;
import java.util.List;

/** Reads {@code .symtab} (the first {@code SHT_SYMTAB} section) and its linked string table. */
final class SymbolTableReader {

    static final int SHT_SYMTAB = 2;
    static final int SHT_STRTAB = 3;
    /** Upper bound on symbols accepted. */
    static final int MAX_SYMBOLS = 1 << 22;

    private SymbolTableReader() {
    }

    /** Section header fields this reader needs. */
    private record Section(int index, long type, long offset, long size, long link, long entsize) {
    }

    static List<ElfSymbol> read(ElfBytes in, boolean elf64, long shoff, int shentsize, int shnum)
            throws ElfFormatException {
        if (shoff == 0) {
            return List.of(); // no section header table (stripped of sections): no symbols
        }
        if (shnum == 0) {
            throw new ElfFormatException("extended section numbering (e_shnum = 0 with e_shoff set) is not supported");
        }
        int minSize = elf64 ? 64 : 40;
        if (shentsize < minSize) {
            throw new ElfFormatException("e_shentsize " + shentsize + " is smaller than a section header ("
                    + minSize + " bytes)");
        }
        in.require(shoff, (long) shentsize * shnum, "section header table (" + shnum + " entries)");
        Section symtab = null;
        for (int i = 0; i < shnum && symtab == null; i++) {
            Section s = section(in, elf64, shoff, shentsize, i);
            if (s.type == SHT_SYMTAB) {
                symtab = s;
            }
        }
        if (symtab == null) {
            return List.of();
        }
        String what = "symbol table (section " + symtab.index + ")";
        in.require(symtab.offset, symtab.size, what);
        int symSize = elf64 ? 24 : 16;
        if (symtab.entsize < symSize) {
            throw new ElfFormatException(what + ": sh_entsize " + symtab.entsize + " is smaller than a symbol ("
                    + symSize + " bytes)");
        }
        if (symtab.link <= 0 || symtab.link >= shnum) {
            throw new ElfFormatException(what + ": sh_link " + symtab.link + " names no section (0.." + (shnum - 1)
                    + ")");
        }
        Section strtab = section(in, elf64, shoff, shentsize, (int) symtab.link);
        if (strtab.type != SHT_STRTAB) {
            throw new ElfFormatException(what + ": linked section " + strtab.index + " is not a string table (type "
                    + strtab.type + ")");
        }
        String strWhat = "string table (section " + strtab.index + ")";
        in.require(strtab.offset, strtab.size, strWhat);
        long count = symtab.size / symtab.entsize;
        if (count > MAX_SYMBOLS) {
            throw new ElfFormatException(what + ": " + count + " symbols, more than " + MAX_SYMBOLS);
        }
        List<ElfSymbol> out = new ArrayList<>();
        for (int i = 1; i < count; i++) { // entry 0 is the reserved null symbol
            long p = symtab.offset + i * symtab.entsize;
            String symWhat = what + " entry " + i;
            long nameIndex = in.u32(p, symWhat);
            int info;
            int shndx;
            long value;
            long size;
            if (elf64) {
                info = in.u8(p + 4, symWhat);
                shndx = in.u16(p + 6, symWhat);
                value = in.u64(p + 8, symWhat);
                size = in.u64(p + 16, symWhat);
            } else {
                value = in.u32(p + 4, symWhat);
                size = in.u32(p + 8, symWhat);
                info = in.u8(p + 12, symWhat);
                shndx = in.u16(p + 14, symWhat);
            }
            if (shndx == 0 || nameIndex == 0) {
                continue; // undefined or unnamed (section symbols)
            }
            String name = in.cString(strtab.offset, strtab.size, nameIndex, symWhat);
            if (!name.isEmpty()) {
                out.add(new ElfSymbol(name, value, size, info & 0xF, info >>> 4));
            }
        }
        return out;
    }

    private static Section section(ElfBytes in, boolean elf64, long shoff, int shentsize, int index)
            throws ElfFormatException {
        long p = shoff + (long) index * shentsize;
        String what = "section header " + index;
        long type = in.u32(p + 4, what);
        if (elf64) {
            return new Section(index, type, in.u64(p + 24, what), in.u64(p + 32, what), in.u32(p + 40, what),
                    in.u64(p + 56, what));
        }
        return new Section(index, type, in.u32(p + 16, what), in.u32(p + 20, what), in.u32(p + 24, what),
                in.u32(p + 36, what));
    }
}
