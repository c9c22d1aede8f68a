package dev.rewind.symbols.elf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed ELF32 or ELF64 little-endian RISC-V file. Immutable and thread-safe: every accessor hands out a fresh
 * read-only view. Malformed headers throw {@link ElfException}.
 */
public final class ElfFile {

    private static final int EM_RISCV = 243;
    private static final int SHT_SYMTAB = 2;
    private static final int PT_LOAD = 1;

    private final ByteBuffer data;
    private final boolean is64;
    private final long entry;
    private final int flags;
    private final List<ElfSection> sections;
    private final Map<String, ElfSection> byName;
    private final Map<String, ByteBuffer> decompressed;
    private final List<Segment> loadSegments;
    private final List<ElfSymbol> symbols;

    private ElfFile(ByteBuffer data) {
        this.data = data;
        if (data.limit() < 16 || data.getInt(0) != 0x464c457f) {
            throw new ElfException("not an ELF file (bad magic)");
        }
        int cls = data.get(4);
        if (cls != 1 && cls != 2) {
            throw new ElfException("unknown ELF class " + cls);
        }
        is64 = cls == 2;
        if (data.get(5) != 1) {
            throw new ElfException("not a little-endian ELF file (EI_DATA " + data.get(5) + ")");
        }
        need(0, is64 ? 64 : 52, "ELF header");
        int machine = data.getShort(18) & 0xffff;
        if (machine != EM_RISCV) {
            throw new ElfException("not a RISC-V ELF file (e_machine " + machine + ")");
        }
        entry = word(24);
        long phoff = word(is64 ? 32 : 28);
        long shoff = word(is64 ? 40 : 32);
        flags = data.getInt(is64 ? 48 : 36);
        int base = is64 ? 54 : 42;
        int phentsize = u16(base);
        int phnum = u16(base + 2);
        int shentsize = u16(base + 4);
        int shnum = u16(base + 6);
        int shstrndx = u16(base + 8);
        this.loadSegments = List.copyOf(readSegments(phoff, phentsize, phnum));
        this.sections = List.copyOf(readSections(shoff, shentsize, shnum, shstrndx));
        Map<String, ElfSection> map = new LinkedHashMap<>();
        for (ElfSection s : sections) {
            map.putIfAbsent(s.name(), s);
        }
        this.byName = map;
        this.decompressed = new LinkedHashMap<>();
        for (ElfSection s : sections) {
            if (s.compressed() && s.type() != ElfSection.SHT_NOBITS) {
                decompressed.put(s.name(), ElfDecompressor.inflate(s, raw(s), is64));
            }
        }
        this.symbols = List.copyOf(readSymbols());
    }

    /** Parses {@code bytes} (not copied: the caller must not modify them afterwards). */
    public static ElfFile parse(byte[] bytes) {
        return new ElfFile(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN));
    }

    /** 32 or 64. */
    public int xlen() {
        return is64 ? 64 : 32;
    }

    public long entry() {
        return entry;
    }

    /** e_flags (EF_RISCV_RVC = 1, float ABI in bits 1-2, ...). */
    public int flags() {
        return flags;
    }

    public List<ElfSection> sections() {
        return sections;
    }

    public Optional<ElfSection> sectionHeader(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The bytes of the first section called {@code name}, decompressed if needed, as a read-only LE buffer. */
    public Optional<ByteBuffer> section(String name) {
        ElfSection s = byName.get(name);
        if (s == null) {
            return Optional.empty();
        }
        ByteBuffer inflated = decompressed.get(name);
        if (inflated != null) {
            return Optional.of(inflated.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN));
        }
        return Optional.of(raw(s));
    }

    /** Every .symtab entry but the null one, in table order (empty if the file is stripped). */
    public List<ElfSymbol> symbols() {
        return symbols;
    }

    public List<Segment> loadSegments() {
        return loadSegments;
    }

    /** Whether {@code address} lies in an allocated executable section. */
    public boolean isText(long address) {
        for (ElfSection s : sections) {
            if (s.executable() && s.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private ByteBuffer raw(ElfSection s) {
        if (s.type() == ElfSection.SHT_NOBITS) {
            return ByteBuffer.allocate(0).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
        }
        return data.duplicate().position((int) s.offset()).limit((int) (s.offset() + s.size())).slice()
                .asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    private List<Segment> readSegments(long phoff, int entsize, int num) {
        List<Segment> out = new ArrayList<>();
        if (num == 0) {
            return out;
        }
        if (entsize < (is64 ? 56 : 32)) {
            throw new ElfException("program header entry size " + entsize + " too small");
        }
        need(phoff, (long) entsize * num, "program headers");
        for (int i = 0; i < num; i++) {
            int p = (int) (phoff + (long) i * entsize);
            if (data.getInt(p) != PT_LOAD) {
                continue;
            }
            Segment seg = is64
                    ? new Segment(data.getLong(p + 8), data.getLong(p + 16), data.getLong(p + 24),
                            data.getLong(p + 32), data.getLong(p + 40), data.getInt(p + 4))
                    : new Segment(u32(p + 4), u32(p + 8), u32(p + 12), u32(p + 16), u32(p + 20), data.getInt(p + 24));
            need(seg.offset(), seg.fileSize(), "segment " + i);
            out.add(seg);
        }
        return out;
    }

    private List<ElfSection> readSections(long shoff, int entsize, int num, int strndx) {
        List<ElfSection> out = new ArrayList<>();
        if (shoff == 0 || num == 0) {
            return out;
        }
        if (entsize < (is64 ? 64 : 40)) {
            throw new ElfException("section header entry size " + entsize + " too small");
        }
        need(shoff, (long) entsize * num, "section headers");
        long[][] raw = new long[num][];
        for (int i = 0; i < num; i++) {
            int p = (int) (shoff + (long) i * entsize);
            raw[i] = is64
                    ? new long[] {u32(p), u32(p + 4), data.getLong(p + 8), data.getLong(p + 16),
                        data.getLong(p + 24), data.getLong(p + 32), u32(p + 40)}
                    : new long[] {u32(p), u32(p + 4), u32(p + 8), u32(p + 12), u32(p + 16), u32(p + 20), u32(p + 24)};
            if (raw[i][1] != ElfSection.SHT_NOBITS && raw[i][1] != 0) {
                need(raw[i][4], raw[i][5], "section " + i);
            }
        }
        if (strndx >= num) {
            throw new ElfException("section name table index " + strndx + " out of " + num + " sections");
        }
        long strOff = raw[strndx][4];
        long strSize = raw[strndx][5];
        for (long[] r : raw) {
            String name = string(strOff, strSize, r[0], "section name");
            out.add(new ElfSection(name, (int) r[1], r[2], r[3], r[4], r[5], (int) r[6]));
        }
        return out;
    }

    private List<ElfSymbol> readSymbols() {
        List<ElfSymbol> out = new ArrayList<>();
        ElfSection tab = null;
        for (ElfSection s : sections) {
            if (s.type() == SHT_SYMTAB) {
                tab = s;
                break;
            }
        }
        if (tab == null) {
            return out;
        }
        if (tab.link() <= 0 || tab.link() >= sections.size()) {
            throw new ElfException(tab.name() + ": string table index " + tab.link() + " out of range");
        }
        ElfSection str = sections.get(tab.link());
        if (str.type() != 3) {
            throw new ElfException(tab.name() + ": linked section " + str.name() + " is not a string table");
        }
        int entsize = is64 ? 24 : 16;
        long count = tab.size() / entsize;
        for (long i = 1; i < count; i++) {
            int p = (int) (tab.offset() + i * entsize);
            long nameOff = u32(p);
            int info;
            int shndx;
            long value;
            long size;
            if (is64) {
                info = data.get(p + 4) & 0xff;
                shndx = u16(p + 6);
                value = data.getLong(p + 8);
                size = data.getLong(p + 16);
            } else {
                value = u32(p + 4);
                size = u32(p + 8);
                info = data.get(p + 12) & 0xff;
                shndx = u16(p + 14);
            }
            String name = string(str.offset(), str.size(), nameOff, tab.name() + " symbol " + i);
            out.add(new ElfSymbol(name, value, size, ElfSymbol.Type.of(info & 0xf), ElfSymbol.Binding.of(info >> 4),
                    shndx));
        }
        return out;
    }

    private String string(long tableOff, long tableSize, long index, String what) {
        if (index >= tableSize) {
            throw new ElfException(what + ": string index " + index + " beyond its table (" + tableSize + " bytes)");
        }
        int start = (int) (tableOff + index);
        int end = start;
        int limit = (int) (tableOff + tableSize);
        while (end < limit && data.get(end) != 0) {
            end++;
        }
        byte[] b = new byte[end - start];
        data.get(start, b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private void need(long offset, long length, String what) {
        if (offset < 0 || length < 0 || offset > data.limit() || length > data.limit() - offset) {
            throw new ElfException(what + ": " + length + " bytes at file offset 0x" + Long.toHexString(offset)
                    + " exceed the file (" + data.limit() + " bytes)");
        }
    }

    private long word(int off) {
        return is64 ? data.getLong(off) : u32(off);
    }

    private long u32(int off) {
        return data.getInt(off) & 0xffff_ffffL;
    }

    private int u16(int off) {
        return data.getShort(off) & 0xffff;
    }
}
