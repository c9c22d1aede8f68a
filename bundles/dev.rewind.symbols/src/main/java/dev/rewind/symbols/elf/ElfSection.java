package dev.rewind.symbols.elf;

/**
 * A section header.
 *
 * @param name   the section's name
 * @param type   sh_type (1 = PROGBITS, 2 = SYMTAB, 3 = STRTAB, 8 = NOBITS, ...)
 * @param flags  sh_flags (SHF_WRITE = 1, SHF_ALLOC = 2, SHF_EXECINSTR = 4, SHF_COMPRESSED = 0x800)
 * @param addr   address in memory (0 if not allocated)
 * @param offset file offset
 * @param size   size in bytes
 * @param link   sh_link
 */
public record ElfSection(String name, int type, long flags, long addr, long offset, long size, int link) {

    static final int SHT_NOBITS = 8;

    public boolean allocated() {
        return (flags & 2) != 0;
    }

    public boolean executable() {
        return (flags & 4) != 0;
    }

    public boolean compressed() {
        return (flags & 0x800) != 0;
    }

    /** Whether the allocated section covers {@code address}. */
    public boolean contains(long address) {
        return allocated() && Long.compareUnsigned(address - addr, size) < 0;
    }
}
