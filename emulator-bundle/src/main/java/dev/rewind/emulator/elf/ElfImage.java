package dev.rewind.emulator.elf;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A parsed RISC-V executable: what the machine loads (segments, entry) and its symbols. Immutable. */
public final class ElfImage {

    /** {@code e_flags} bit: the code may contain compressed (RVC) instructions. */
    public static final int EF_RISCV_RVC = 0x1;
    /** {@code e_flags} mask of the floating-point ABI. */
    public static final int EF_RISCV_FLOAT_ABI = 0x6;
    /** {@code e_flags} bit: RV32E / RV64E ABI. */
    public static final int EF_RISCV_RVE = 0x8;
    /** {@code e_flags} bit: the code needs the RVTSO memory model. */
    public static final int EF_RISCV_TSO = 0x10;

    /** {@code e_type} of a fixed-address executable. */
    public static final int ET_EXEC = 2;
    /** {@code e_type} of a position-independent executable / shared object. */
    public static final int ET_DYN = 3;

    /** Floating-point calling convention from {@code e_flags}. */
    public enum FloatAbi { SOFT, SINGLE, DOUBLE, QUAD }

    private final int xlen;
    private final int type;
    private final long entry;
    private final int flags;
    private final List<ElfSegment> loadSegments;
    private final List<ElfSymbol> symbols;
    /** The digest; null until first asked for when {@link #file} is set. */
    private byte[] sha256;
    /**
     * A copy of the file's bytes until {@link #sha256()} is first asked for (then null): the digest is computed
     * lazily, since only recordings use it and {@code rewind run} never does (issue #16: ~10-20 ms of start-up).
     */
    private byte[] file;
    private final Map<String, ElfSymbol> byName;

    /** An image parsed from {@code file} (copied: its SHA-256 is computed when first asked for). */
    static ElfImage parsed(int xlen, int type, long entry, int flags, List<ElfSegment> loadSegments,
            List<ElfSymbol> symbols, byte[] file) {
        ElfImage image = new ElfImage(xlen, type, entry, flags, loadSegments, symbols, null);
        image.file = file.clone();
        return image;
    }

    /** @param sha256 the digest, or null for {@link #parsed} */
    ElfImage(int xlen, int type, long entry, int flags, List<ElfSegment> loadSegments, List<ElfSymbol> symbols,
            byte[] sha256) {
        if (xlen != 32 && xlen != 64) {
            throw new IllegalArgumentException("xlen must be 32 or 64: " + xlen);
        }
        this.xlen = xlen;
        this.type = type;
        this.entry = entry;
        this.flags = flags;
        this.loadSegments = List.copyOf(loadSegments);
        this.symbols = List.copyOf(symbols);
        this.sha256 = sha256 == null ? null : sha256.clone();
        // Lookup only (never iterated): the first global definition wins, else the first local one.
        Map<String, ElfSymbol> map = new HashMap<>();
        for (ElfSymbol s : this.symbols) {
            ElfSymbol old = map.get(s.name());
            if (old == null || (!old.isGlobal() && s.isGlobal())) {
                map.put(s.name(), s);
            }
        }
        this.byName = map;
    }

    /**
     * An image built in memory rather than parsed from a file (for test programs assembled by hand).
     * {@link #sha256()} is then the digest of a canonical encoding of the image's contents.
     */
    public static ElfImage of(int xlen, long entry, List<ElfSegment> loadSegments, List<ElfSymbol> symbols) {
        Objects.requireNonNull(loadSegments, "loadSegments");
        Objects.requireNonNull(symbols, "symbols");
        return new ElfImage(xlen, ET_EXEC, entry, EF_RISCV_RVC, loadSegments, symbols,
                canonicalDigest(xlen, entry, loadSegments, symbols));
    }

    /** 32 or 64 ({@code EI_CLASS}). */
    public int xlen() {
        return xlen;
    }

    /** {@code e_type}: {@link #ET_EXEC} or {@link #ET_DYN}. */
    public int type() {
        return type;
    }

    /** Entry point address ({@code e_entry}, zero-extended for ELF32). */
    public long entry() {
        return entry;
    }

    /** Raw {@code e_flags}. */
    public int flags() {
        return flags;
    }

    /** Whether {@code e_flags} says the code may use compressed instructions. */
    public boolean rvc() {
        return (flags & EF_RISCV_RVC) != 0;
    }

    /** Whether {@code e_flags} says the RV32E/RV64E ABI. */
    public boolean rve() {
        return (flags & EF_RISCV_RVE) != 0;
    }

    /** The floating-point ABI from {@code e_flags}. */
    public FloatAbi floatAbi() {
        return FloatAbi.values()[(flags & EF_RISCV_FLOAT_ABI) >> 1];
    }

    /** The {@code PT_LOAD} segments with a non-zero memory size, in program header order. */
    public List<ElfSegment> loadSegments() {
        return loadSegments;
    }

    /** Defined, named symbols of {@code .symtab} in table order (empty when the file has no symbol table). */
    public List<ElfSymbol> symbols() {
        return symbols;
    }

    /** The symbol of that name: the first global (or weak) definition, else the first local one. */
    public Optional<ElfSymbol> symbol(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The function or object symbol whose range contains {@code addr} (the one with the highest value). */
    public Optional<ElfSymbol> symbolAt(long addr) {
        ElfSymbol best = null;
        for (ElfSymbol s : symbols) {
            if ((s.isFunction() || s.isObject()) && s.contains(addr)
                    && (best == null || Long.compareUnsigned(s.value(), best.value()) > 0)) {
                best = s;
            }
        }
        return Optional.ofNullable(best);
    }

    /** SHA-256 of the file's bytes. */
    public byte[] sha256() {
        return digestOnce().clone();
    }

    private synchronized byte[] digestOnce() {
        if (sha256 == null) {
            sha256 = digest(file);
            file = null;
        }
        return sha256;
    }

    /** {@link #sha256()} as lower-case hex. */
    public String sha256Hex() {
        StringBuilder sb = new StringBuilder(64);
        for (byte b : digestOnce()) {
            sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return String.format("ElfImage[RV%d, entry=0x%x, %d load segments, %d symbols, sha256=%s]",
                xlen, entry, loadSegments.size(), symbols.size(), sha256Hex().substring(0, 16));
    }

    static byte[] digest(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private static byte[] canonicalDigest(int xlen, long entry, List<ElfSegment> segs, List<ElfSymbol> syms) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF("rewind-image-v1");
            out.writeInt(xlen);
            out.writeLong(entry);
            out.writeInt(segs.size());
            for (ElfSegment s : segs) {
                out.writeLong(s.paddr());
                out.writeLong(s.vaddr());
                out.writeLong(s.memSize());
                out.writeInt(s.flags());
                byte[] d = s.data();
                out.writeInt(d.length);
                out.write(d);
            }
            out.writeInt(syms.size());
            for (ElfSymbol s : syms) {
                byte[] name = s.name().getBytes(StandardCharsets.UTF_8);
                out.writeInt(name.length);
                out.write(name);
                out.writeLong(s.value());
                out.writeLong(s.size());
                out.writeInt(s.type());
                out.writeInt(s.bind());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return digest(bytes.toByteArray());
    }
}
