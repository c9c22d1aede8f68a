package dev.rewind.emulator.isa;

import java.util.ArrayList;
import java.util.List;

/** Decodes instruction bits for one xlen using the rows of {@link InsnTable}. Immutable, thread-safe. */
public final class Decoder {

    private final int xlen;
    private final InsnSpec[][] wide = new InsnSpec[1024][];
    private final InsnSpec[][] narrow = new InsnSpec[32][];

    /** The shared decoders of RV32 and RV64, built on first use ({@link #of}). */
    private static final Decoder[] SHARED = new Decoder[2];

    /**
     * The decoder of {@code xlen}, shared by every caller (it is immutable): building one runs 70,000 (RV32) or
     * 99,000 (RV64) table probes, which a JVM's first machines ran in the bytecode interpreter three times each (its
     * code cache, the disassemblers of its two plugin hosts).
     */
    public static Decoder of(int xlen) {
        if (xlen != 32 && xlen != 64) {
            return new Decoder(xlen); // (throws)
        }
        int i = xlen / 64;
        synchronized (SHARED) {
            if (SHARED[i] == null) {
                SHARED[i] = new Decoder(xlen);
            }
            return SHARED[i];
        }
    }

    public Decoder(int xlen) {
        if (xlen != 32 && xlen != 64) {
            throw new IllegalArgumentException("xlen must be 32 or 64, not " + xlen);
        }
        this.xlen = xlen;
        List<List<InsnSpec>> w = new ArrayList<>();
        List<List<InsnSpec>> n = new ArrayList<>();
        for (int k = 0; k < 1024; k++) {
            w.add(new ArrayList<>());
        }
        for (int k = 0; k < 32; k++) {
            n.add(new ArrayList<>());
        }
        for (InsnSpec s : InsnTable.forXlen(xlen)) {
            if (s.compressed()) {
                for (int k = 0; k < 32; k++) {
                    int probe = (k & 3) | (k >> 2) << 13;
                    if ((probe & s.mask() & 0xE003) == (s.match() & 0xE003)) {
                        n.get(k).add(s);
                    }
                }
            } else {
                for (int k = 0; k < 1024; k++) {
                    int probe = (k & 0x7F) | (k >> 7) << 12;
                    if ((probe & s.mask() & 0x707F) == (s.match() & 0x707F)) {
                        w.get(k).add(s);
                    }
                }
            }
        }
        for (int k = 0; k < 1024; k++) {
            wide[k] = w.get(k).toArray(InsnSpec[]::new);
        }
        for (int k = 0; k < 32; k++) {
            narrow[k] = n.get(k).toArray(InsnSpec[]::new);
        }
    }

    public int xlen() {
        return xlen;
    }

    /** Length in bytes of the instruction whose first halfword is {@code lowHalf}: 2 or 4. */
    public static int length(int lowHalf) {
        return (lowHalf & 3) == 3 ? 4 : 2;
    }

    /** The table row for {@code bits}, or {@code null} if illegal in this xlen. */
    public InsnSpec find(int bits) {
        InsnSpec[] cands;
        if ((bits & 3) == 3) {
            cands = wide[(bits & 0x7F) | ((bits >>> 12) & 7) << 7];
        } else {
            bits &= 0xFFFF;
            cands = narrow[(bits & 3) | ((bits >>> 13) & 7) << 2];
        }
        for (InsnSpec s : cands) {
            if (s.matches(bits)) {
                return s;
            }
        }
        return null;
    }

    /** Decodes {@code bits} (only the low 16 bits are used for compressed encodings). */
    public Decoded decode(int bits) {
        int len = length(bits);
        if (len == 2) {
            bits &= 0xFFFF;
        }
        InsnSpec s = find(bits);
        if (s == null || (len == 4 && (bits & 0x1C) == 0x1C)) {
            return new Decoded(null, bits, len, Op.ILLEGAL, 0, 0, 0, 0);
        }
        Format f = s.format();
        int rd = Format.reg(f.rd, bits, 0);
        int rs1 = Format.reg(f.rs1, bits, rd);
        int rs2 = Format.reg(f.rs2, bits, rd);
        long imm = f.imm(bits);
        return new Decoded(s, bits, len, Op.forXlen(s.op(), xlen), rd, rs1, rs2, imm);
    }
}
