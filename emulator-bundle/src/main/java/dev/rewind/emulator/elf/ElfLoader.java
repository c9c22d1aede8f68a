package dev.rewind.emulator.elf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Parses RISC-V ELF executables (ELF32 and ELF64, little-endian, {@code e_machine} 243).
 *
 * <p>Every malformed input is reported as an {@link ElfFormatException} naming the problem; no other
 * exception escapes for any byte array. Besides the file's structure, the loader refuses {@code PT_LOAD} segments
 * that load into the same physical bytes and an entry point outside every executable segment (see
 * {@link LoadLayout}).
 */
public final class ElfLoader {

    /** {@code e_machine} of RISC-V. */
    public static final int EM_RISCV = 243;
    /** Upper bound on {@code PT_LOAD} segments accepted. */
    public static final int MAX_LOAD_SEGMENTS = 1024;

    static final int PT_LOAD = 1;
    private static final int PN_XNUM = 0xFFFF;

    private ElfLoader() {
    }

    /** Reads and parses a file. */
    public static ElfImage parse(Path file) throws IOException, ElfFormatException {
        Objects.requireNonNull(file, "file");
        try {
            return parse(Files.readAllBytes(file));
        } catch (ElfFormatException e) {
            throw new ElfFormatException(file + ": " + e.getMessage());
        }
    }

    /** Parses the bytes of an ELF file. */
    public static ElfImage parse(byte[] data) throws ElfFormatException {
        Objects.requireNonNull(data, "data");
        ElfBytes in = new ElfBytes(data);
        Header h = header(in);
        List<LoadLayout.Numbered> numbered = loadSegments(in, h);
        LoadLayout.check(numbered, h.entry);
        List<ElfSegment> segments = numbered.stream().map(LoadLayout.Numbered::segment).toList();
        List<ElfSymbol> symbols = SymbolTableReader.read(in, h.elf64, h.shoff, h.shentsize, h.shnum);
        return ElfImage.parsed(h.elf64 ? 64 : 32, h.type, h.entry, h.flags, segments, symbols, data);
    }

    /** The fields of the ELF header this loader uses. */
    record Header(boolean elf64, int type, long entry, long phoff, long shoff, int flags, int phentsize, int phnum,
            int shentsize, int shnum) {
    }

    private static Header header(ElfBytes in) throws ElfFormatException {
        if (in.length() < 4 || in.u8(0, "") != 0x7F || in.u8(1, "") != 'E' || in.u8(2, "") != 'L'
                || in.u8(3, "") != 'F') {
            throw new ElfFormatException("not an ELF file (bad magic; expected 7f 45 4c 46)");
        }
        if (in.length() < 16) {
            throw new ElfFormatException("truncated ELF header: e_ident needs 16 bytes, file has " + in.length());
        }
        int cls = in.u8(4, "EI_CLASS");
        if (cls != 1 && cls != 2) {
            throw new ElfFormatException("unsupported ELF class " + cls + " (expected 1 = ELF32 or 2 = ELF64)");
        }
        int encoding = in.u8(5, "EI_DATA");
        if (encoding != 1) {
            throw new ElfFormatException("unsupported data encoding " + encoding
                    + (encoding == 2 ? " (big-endian)" : "") + "; RISC-V executables are little-endian (1)");
        }
        int identVersion = in.u8(6, "EI_VERSION");
        if (identVersion != 1) {
            throw new ElfFormatException("unsupported ELF version " + identVersion + " in e_ident (expected 1)");
        }
        boolean elf64 = cls == 2;
        int ehsize = elf64 ? 64 : 52;
        if (in.length() < ehsize) {
            throw new ElfFormatException("truncated ELF header: ELF" + (elf64 ? 64 : 32) + " header needs "
                    + ehsize + " bytes, file has " + in.length());
        }
        int type = in.u16(16, "e_type");
        int machine = in.u16(18, "e_machine");
        if (machine != EM_RISCV) {
            throw new ElfFormatException("not a RISC-V ELF: e_machine is " + machine + machineName(machine)
                    + ", expected 243 (RISC-V)");
        }
        if (type != ElfImage.ET_EXEC && type != ElfImage.ET_DYN) {
            throw new ElfFormatException("not an executable: e_type is " + type + typeName(type)
                    + ", expected 2 (EXEC) or 3 (DYN)");
        }
        long version = in.u32(20, "e_version");
        if (version != 1) {
            throw new ElfFormatException("unsupported e_version " + version + " (expected 1)");
        }
        int w = elf64 ? 8 : 4;
        long entry = in.word(elf64, 24, "e_entry");
        long phoff = in.word(elf64, 24 + w, "e_phoff");
        long shoff = in.word(elf64, 24 + 2 * w, "e_shoff");
        int p = 24 + 3 * w;
        int flags = (int) in.u32(p, "e_flags");
        int declaredEhsize = in.u16(p + 4, "e_ehsize");
        if (declaredEhsize < ehsize) {
            throw new ElfFormatException("e_ehsize " + declaredEhsize + " is smaller than the ELF"
                    + (elf64 ? 64 : 32) + " header (" + ehsize + ")");
        }
        int phentsize = in.u16(p + 6, "e_phentsize");
        int phnum = in.u16(p + 8, "e_phnum");
        int shentsize = in.u16(p + 10, "e_shentsize");
        int shnum = in.u16(p + 12, "e_shnum");
        if (phnum == PN_XNUM) {
            throw new ElfFormatException("extended program header numbering (e_phnum = 0xffff) is not supported");
        }
        return new Header(elf64, type, entry, phoff, shoff, flags, phentsize, phnum, shentsize, shnum);
    }

    private static List<LoadLayout.Numbered> loadSegments(ElfBytes in, Header h) throws ElfFormatException {
        if (h.phnum == 0) {
            throw new ElfFormatException("no program headers (e_phnum = 0): nothing to load");
        }
        int minSize = h.elf64 ? 56 : 32;
        if (h.phentsize < minSize) {
            throw new ElfFormatException("e_phentsize " + h.phentsize + " is smaller than a program header ("
                    + minSize + " bytes)");
        }
        in.require(h.phoff, (long) h.phentsize * h.phnum, "program header table (" + h.phnum + " entries)");
        List<LoadLayout.Numbered> out = new ArrayList<>();
        long totalFileBytes = 0;
        long addrLimit = h.elf64 ? 0 : 1L << 32; // 0 = no limit below 2^64
        for (int i = 0; i < h.phnum; i++) {
            long ph = h.phoff + (long) i * h.phentsize;
            if (in.u32(ph, "p_type") != PT_LOAD) {
                continue;
            }
            String what = "program header " + i + " (PT_LOAD)";
            long offset;
            long vaddr;
            long paddr;
            long filesz;
            long memsz;
            int flags;
            if (h.elf64) {
                flags = (int) in.u32(ph + 4, what);
                offset = in.u64(ph + 8, what);
                vaddr = in.u64(ph + 16, what);
                paddr = in.u64(ph + 24, what);
                filesz = in.u64(ph + 32, what);
                memsz = in.u64(ph + 40, what);
            } else {
                offset = in.u32(ph + 4, what);
                vaddr = in.u32(ph + 8, what);
                paddr = in.u32(ph + 12, what);
                filesz = in.u32(ph + 16, what);
                memsz = in.u32(ph + 20, what);
                flags = (int) in.u32(ph + 24, what);
            }
            if (memsz < 0) {
                throw new ElfFormatException(String.format("%s: absurd p_memsz 0x%x", what, memsz));
            }
            if (Long.compareUnsigned(filesz, memsz) > 0) {
                throw new ElfFormatException(String.format("%s: p_filesz 0x%x is larger than p_memsz 0x%x",
                        what, filesz, memsz));
            }
            checkAddressRange(what, "p_paddr", paddr, memsz, addrLimit);
            checkAddressRange(what, "p_vaddr", vaddr, memsz, addrLimit);
            if (memsz == 0) {
                continue;
            }
            if (out.size() == MAX_LOAD_SEGMENTS) {
                throw new ElfFormatException("more than " + MAX_LOAD_SEGMENTS + " PT_LOAD segments");
            }
            byte[] bytes = new byte[0];
            if (filesz > 0) {
                in.require(offset, filesz, what + " file data");
                totalFileBytes += filesz;
                if (totalFileBytes > 4L * in.length()) {
                    throw new ElfFormatException("PT_LOAD segments reference " + totalFileBytes
                            + " file bytes in total, more than four times the file size: overlapping or absurd");
                }
                bytes = in.slice(offset, filesz, what + " file data");
            }
            out.add(new LoadLayout.Numbered(i, new ElfSegment(paddr, vaddr, bytes, memsz, flags)));
        }
        if (out.isEmpty()) {
            throw new ElfFormatException("no PT_LOAD segment with a non-zero size: nothing to load");
        }
        return out;
    }

    private static void checkAddressRange(String what, String field, long addr, long memsz, long limit)
            throws ElfFormatException {
        boolean overflow = limit == 0
                ? addr != 0 && Long.compareUnsigned(memsz, -addr) > 0
                : addr + memsz > limit;
        if (overflow) {
            throw new ElfFormatException(String.format("%s: %s 0x%x + p_memsz 0x%x overflows the %s address space",
                    what, field, addr, memsz, limit == 0 ? "64-bit" : "32-bit"));
        }
    }

    private static String machineName(int machine) {
        return switch (machine) {
            case 3 -> " (x86)";
            case 8 -> " (MIPS)";
            case 20 -> " (PowerPC)";
            case 40 -> " (ARM)";
            case 62 -> " (x86-64)";
            case 183 -> " (AArch64)";
            default -> "";
        };
    }

    private static String typeName(int type) {
        return switch (type) {
            case 0 -> " (NONE)";
            case 1 -> " (REL, an object file: link it first)";
            case 4 -> " (CORE)";
            default -> "";
        };
    }
}
