package dev.rewind.emulator.isa;

/**
 * Operand format of a table entry: where rd/rs1/rs2 and the immediate live in the encoding, and the
 * assembly syntax. Compressed formats describe the operands of the 32-bit instruction they expand to
 * (for example {@code c.addi rd,imm} gives rs1 = rd), so one decoder serves both lengths.
 *
 * <p>Register sources: {@code R7} bits 11:7, {@code R15} bits 19:15, {@code R20} bits 24:20, {@code C2}
 * bits 6:2, {@code P7} bits 9:7 + 8, {@code P2} bits 4:2 + 8, {@code X0}/{@code X1}/{@code X2} fixed,
 * {@code RD} the same as rd, {@code NO} unused (0).
 *
 * <p>An immediate layout is a list of triples (instruction bit high, low, immediate bit of the low end).
 * Syntax tokens: rd rs1 rs2 imm uimm20 target csr zimm pred succ, {@code imm(rs1)}, {@code (rs1)}.
 */
public enum Format {
    R(Src.R7, Src.R15, Src.R20, false, new int[] {}, "rd", "rs1", "rs2"),
    I(Src.R7, Src.R15, Src.NO, true, new int[] {31, 20, 0}, "rd", "rs1", "imm"),
    LOAD(Src.R7, Src.R15, Src.NO, true, new int[] {31, 20, 0}, "rd", "imm(rs1)"),
    SHIFT(Src.R7, Src.R15, Src.NO, false, new int[] {25, 20, 0}, "rd", "rs1", "imm"),
    SHIFTW(Src.R7, Src.R15, Src.NO, false, new int[] {24, 20, 0}, "rd", "rs1", "imm"),
    S(Src.NO, Src.R15, Src.R20, true, new int[] {31, 25, 5, 11, 7, 0}, "rs2", "imm(rs1)"),
    B(Src.NO, Src.R15, Src.R20, true, new int[] {31, 31, 12, 7, 7, 11, 30, 25, 5, 11, 8, 1}, "rs1", "rs2",
            "target"),
    U(Src.R7, Src.NO, Src.NO, true, new int[] {31, 12, 12}, "rd", "uimm20"),
    J(Src.R7, Src.NO, Src.NO, true, new int[] {31, 31, 20, 19, 12, 12, 20, 20, 11, 30, 21, 1}, "rd", "target"),
    CSR(Src.R7, Src.R15, Src.NO, false, new int[] {31, 20, 0}, "rd", "csr", "rs1"),
    CSRI(Src.R7, Src.R15, Src.NO, false, new int[] {31, 20, 0}, "rd", "csr", "zimm"),
    AMO(Src.R7, Src.R15, Src.R20, false, new int[] {26, 25, 0}, "rd", "rs2", "(rs1)"),
    LR(Src.R7, Src.R15, Src.NO, false, new int[] {26, 25, 0}, "rd", "(rs1)"),
    FENCE(Src.NO, Src.NO, Src.NO, false, new int[] {27, 20, 0}, "pred", "succ"),
    NONE(Src.NO, Src.NO, Src.NO, false, new int[] {}),
    // ---- compressed ----
    CIW(Src.P2, Src.X2, Src.NO, false, new int[] {12, 11, 4, 10, 7, 6, 6, 6, 2, 5, 5, 3}, "rd", "rs1", "imm"),
    CL_W(Src.P2, Src.P7, Src.NO, false, new int[] {12, 10, 3, 6, 6, 2, 5, 5, 6}, "rd", "imm(rs1)"),
    CL_D(Src.P2, Src.P7, Src.NO, false, new int[] {12, 10, 3, 6, 5, 6}, "rd", "imm(rs1)"),
    CS_W(Src.NO, Src.P7, Src.P2, false, new int[] {12, 10, 3, 6, 6, 2, 5, 5, 6}, "rs2", "imm(rs1)"),
    CS_D(Src.NO, Src.P7, Src.P2, false, new int[] {12, 10, 3, 6, 5, 6}, "rs2", "imm(rs1)"),
    CI(Src.R7, Src.RD, Src.NO, true, new int[] {12, 12, 5, 6, 2, 0}, "rd", "imm"),
    CI_LI(Src.R7, Src.X0, Src.NO, true, new int[] {12, 12, 5, 6, 2, 0}, "rd", "imm"),
    CI_LUI(Src.R7, Src.NO, Src.NO, true, new int[] {12, 12, 17, 6, 2, 12}, "rd", "uimm20"),
    CI_SP16(Src.X2, Src.RD, Src.NO, true, new int[] {12, 12, 9, 6, 6, 4, 5, 5, 6, 4, 3, 7, 2, 2, 5}, "rd", "imm"),
    CI_SHIFT(Src.R7, Src.RD, Src.NO, false, new int[] {12, 12, 5, 6, 2, 0}, "rd", "imm"),
    CB_SHIFT(Src.P7, Src.RD, Src.NO, false, new int[] {12, 12, 5, 6, 2, 0}, "rd", "imm"),
    CB_ANDI(Src.P7, Src.RD, Src.NO, true, new int[] {12, 12, 5, 6, 2, 0}, "rd", "imm"),
    CA(Src.P7, Src.RD, Src.P2, false, new int[] {}, "rd", "rs2"),
    CJ(Src.X0, Src.NO, Src.NO, true, new int[] {12, 12, 11, 11, 11, 4, 10, 9, 8, 8, 8, 10, 7, 7, 6, 6, 6, 7, 5, 3,
        1, 2, 2, 5}, "target"),
    CJAL(Src.X1, Src.NO, Src.NO, true, new int[] {12, 12, 11, 11, 11, 4, 10, 9, 8, 8, 8, 10, 7, 7, 6, 6, 6, 7, 5, 3,
        1, 2, 2, 5}, "target"),
    CB(Src.NO, Src.P7, Src.X0, true, new int[] {12, 12, 8, 11, 10, 3, 6, 5, 6, 4, 3, 1, 2, 2, 5}, "rs1", "target"),
    CI_LWSP(Src.R7, Src.X2, Src.NO, false, new int[] {12, 12, 5, 6, 4, 2, 3, 2, 6}, "rd", "imm(rs1)"),
    CI_LDSP(Src.R7, Src.X2, Src.NO, false, new int[] {12, 12, 5, 6, 5, 3, 4, 2, 6}, "rd", "imm(rs1)"),
    CSS_SWSP(Src.NO, Src.X2, Src.C2, false, new int[] {12, 9, 2, 8, 7, 6}, "rs2", "imm(rs1)"),
    CSS_SDSP(Src.NO, Src.X2, Src.C2, false, new int[] {12, 10, 3, 9, 7, 6}, "rs2", "imm(rs1)"),
    CR_JR(Src.X0, Src.R7, Src.NO, false, new int[] {}, "rs1"),
    CR_JALR(Src.X1, Src.R7, Src.NO, false, new int[] {}, "rs1"),
    CR_MV(Src.R7, Src.X0, Src.C2, false, new int[] {}, "rd", "rs2"),
    CR_ADD(Src.R7, Src.RD, Src.C2, false, new int[] {}, "rd", "rs2"),
    CNONE(Src.NO, Src.NO, Src.NO, false, new int[] {});

    /** Register operand sources. */
    public enum Src { R7, R15, R20, C2, P7, P2, X0, X1, X2, RD, NO }

    final Src rd;
    final Src rs1;
    final Src rs2;
    final boolean signed;
    final int[] layout;
    final String[] syntax;
    final int immBits;

    Format(Src rd, Src rs1, Src rs2, boolean signed, int[] layout, String... syntax) {
        this.rd = rd;
        this.rs1 = rs1;
        this.rs2 = rs2;
        this.signed = signed;
        this.layout = layout;
        this.syntax = syntax;
        int top = 0;
        for (int i = 0; i < layout.length; i += 3) {
            top = Math.max(top, layout[i + 2] + layout[i] - layout[i + 1] + 1);
        }
        this.immBits = top;
    }

    /** The immediate encoded in {@code bits} (sign-extended when the format's immediate is signed). */
    long imm(int bits) {
        long v = 0;
        for (int i = 0; i < layout.length; i += 3) {
            int hi = layout[i], lo = layout[i + 1], at = layout[i + 2];
            long field = (bits >>> lo) & ((1L << (hi - lo + 1)) - 1);
            v |= field << at;
        }
        if (signed && immBits > 0) {
            v = (v << (64 - immBits)) >> (64 - immBits);
        }
        return v;
    }

    /** Places the immediate into its bit positions (bits not representable are dropped; callers re-check). */
    int placeImm(long imm) {
        int bits = 0;
        for (int i = 0; i < layout.length; i += 3) {
            int hi = layout[i], lo = layout[i + 1], at = layout[i + 2];
            long field = (imm >>> at) & ((1L << (hi - lo + 1)) - 1);
            bits |= (int) (field << lo);
        }
        return bits;
    }

    static int reg(Src s, int bits, int rd) {
        return switch (s) {
            case R7 -> (bits >>> 7) & 31;
            case R15 -> (bits >>> 15) & 31;
            case R20 -> (bits >>> 20) & 31;
            case C2 -> (bits >>> 2) & 31;
            case P7 -> 8 + ((bits >>> 7) & 7);
            case P2 -> 8 + ((bits >>> 2) & 7);
            case X1 -> 1;
            case X2 -> 2;
            case RD -> rd;
            case X0, NO -> 0;
        };
    }

    /** Places register number {@code r} for source {@code s}; returns -1 when {@code r} cannot be encoded. */
    static int placeReg(Src s, int r) {
        return switch (s) {
            case R7 -> r << 7;
            case R15 -> r << 15;
            case R20 -> r << 20;
            case C2 -> r << 2;
            case P7 -> r >= 8 && r < 16 ? (r - 8) << 7 : -1;
            case P2 -> r >= 8 && r < 16 ? (r - 8) << 2 : -1;
            case X0, NO -> r == 0 ? 0 : -1;
            case X1 -> r == 1 ? 0 : -1;
            case X2 -> r == 2 ? 0 : -1;
            case RD -> 0;
        };
    }

    /** Assembly operand tokens of this format, in order. */
    public java.util.List<String> syntax() {
        return java.util.List.of(syntax);
    }
}
