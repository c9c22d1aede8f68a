package dev.rewind.emulator.isa;

import static dev.rewind.emulator.isa.InsnSpec.BOTH;
import static dev.rewind.emulator.isa.InsnSpec.RV32;
import static dev.rewind.emulator.isa.InsnSpec.RV64;

import java.util.ArrayList;
import java.util.List;

/**
 * The one declarative instruction table (RV32/RV64 I, M, A, C, Zicsr, Zifencei, M-mode system
 * instructions). Decoder, disassembler and assembler are derived from it; semantics live in the
 * interpreter keyed by {@link InsnSpec#op()}.
 */
public final class InsnTable {
    private InsnTable() {
    }

    private static final int[] NO_EXCL = {};
    private static final List<InsnSpec> ALL = build();

    /** Every row, in table order (immutable). */
    public static List<InsnSpec> all() {
        return ALL;
    }

    /** The rows that exist for {@code xlen}. */
    public static List<InsnSpec> forXlen(int xlen) {
        return ALL.stream().filter(s -> s.existsIn(xlen)).toList();
    }

    private static List<InsnSpec> build() {
        List<InsnSpec> t = new ArrayList<>();
        final int r = 0xFE00707F, i = 0x707F, u = 0x7F;
        add(t, "lui", 0x37, u, BOTH, Format.U, Op.LUI);
        add(t, "auipc", 0x17, u, BOTH, Format.U, Op.AUIPC);
        add(t, "jal", 0x6F, u, BOTH, Format.J, Op.JAL);
        add(t, "jalr", 0x67, i, BOTH, Format.LOAD, Op.JALR);
        String[] br = {"beq", "bne", null, null, "blt", "bge", "bltu", "bgeu"};
        int[] brOp = {Op.BEQ, Op.BNE, 0, 0, Op.BLT, Op.BGE, Op.BLTU, Op.BGEU};
        for (int f = 0; f < 8; f++) {
            if (br[f] != null) {
                add(t, br[f], 0x63 | f << 12, i, BOTH, Format.B, brOp[f]);
            }
        }
        String[] ld = {"lb", "lh", "lw", "ld", "lbu", "lhu", "lwu"};
        int[] ldOp = {Op.LB, Op.LH, Op.LW, Op.LD, Op.LBU, Op.LHU, Op.LWU};
        for (int f = 0; f < 7; f++) {
            add(t, ld[f], 0x03 | f << 12, i, f == 3 || f == 6 ? RV64 : BOTH, Format.LOAD, ldOp[f]);
        }
        String[] st = {"sb", "sh", "sw", "sd"};
        int[] stOp = {Op.SB, Op.SH, Op.SW, Op.SD};
        for (int f = 0; f < 4; f++) {
            add(t, st[f], 0x23 | f << 12, i, f == 3 ? RV64 : BOTH, Format.S, stOp[f]);
        }
        add(t, "addi", 0x13, i, BOTH, Format.I, Op.ADDI);
        add(t, "slti", 0x2013, i, BOTH, Format.I, Op.SLTI);
        add(t, "sltiu", 0x3013, i, BOTH, Format.I, Op.SLTIU);
        add(t, "xori", 0x4013, i, BOTH, Format.I, Op.XORI);
        add(t, "ori", 0x6013, i, BOTH, Format.I, Op.ORI);
        add(t, "andi", 0x7013, i, BOTH, Format.I, Op.ANDI);
        add(t, "slli", 0x1013, 0xFE00707F, RV32, Format.SHIFT, Op.SLLI);
        add(t, "srli", 0x5013, 0xFE00707F, RV32, Format.SHIFT, Op.SRLI);
        add(t, "srai", 0x40005013, 0xFE00707F, RV32, Format.SHIFT, Op.SRAI);
        add(t, "slli", 0x1013, 0xFC00707F, RV64, Format.SHIFT, Op.SLLI);
        add(t, "srli", 0x5013, 0xFC00707F, RV64, Format.SHIFT, Op.SRLI);
        add(t, "srai", 0x40005013, 0xFC00707F, RV64, Format.SHIFT, Op.SRAI);
        String[] alu = {"add", "sll", "slt", "sltu", "xor", "srl", "or", "and"};
        int[] aluOp = {Op.ADD, Op.SLL, Op.SLT, Op.SLTU, Op.XOR, Op.SRL, Op.OR, Op.AND};
        String[] mul = {"mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem", "remu"};
        int[] mulOp = {Op.MUL, Op.MULH, Op.MULHSU, Op.MULHU, Op.DIV, Op.DIVU, Op.REM, Op.REMU};
        for (int f = 0; f < 8; f++) {
            add(t, alu[f], 0x33 | f << 12, r, BOTH, Format.R, aluOp[f]);
            add(t, mul[f], 0x02000033 | f << 12, r, BOTH, Format.R, mulOp[f]);
        }
        add(t, "sub", 0x40000033, r, BOTH, Format.R, Op.SUB);
        add(t, "sra", 0x40005033, r, BOTH, Format.R, Op.SRA);
        add(t, "fence", 0x0F, i, BOTH, Format.FENCE, Op.FENCE);
        add(t, "fence.i", 0x100F, i, BOTH, Format.NONE, Op.FENCE_I);
        add(t, "ecall", 0x73, 0xFFFFFFFF, BOTH, Format.NONE, Op.ECALL);
        add(t, "ebreak", 0x100073, 0xFFFFFFFF, BOTH, Format.NONE, Op.EBREAK);
        add(t, "mret", 0x30200073, 0xFFFFFFFF, BOTH, Format.NONE, Op.MRET);
        add(t, "wfi", 0x10500073, 0xFFFFFFFF, BOTH, Format.NONE, Op.WFI);
        String[] csr = {null, "csrrw", "csrrs", "csrrc", null, "csrrwi", "csrrsi", "csrrci"};
        int[] csrOp = {0, Op.CSRRW, Op.CSRRS, Op.CSRRC, 0, Op.CSRRWI, Op.CSRRSI, Op.CSRRCI};
        for (int f = 0; f < 8; f++) {
            if (csr[f] != null) {
                add(t, csr[f], 0x73 | f << 12, i, BOTH, f < 4 ? Format.CSR : Format.CSRI, csrOp[f]);
            }
        }
        // RV64 word ops
        add(t, "addiw", 0x1B, i, RV64, Format.I, Op.ADDIW);
        add(t, "slliw", 0x101B, r, RV64, Format.SHIFTW, Op.SLLIW);
        add(t, "srliw", 0x501B, r, RV64, Format.SHIFTW, Op.SRLIW);
        add(t, "sraiw", 0x4000501B, r, RV64, Format.SHIFTW, Op.SRAIW);
        add(t, "addw", 0x3B, r, RV64, Format.R, Op.ADDW);
        add(t, "subw", 0x4000003B, r, RV64, Format.R, Op.SUBW);
        add(t, "sllw", 0x103B, r, RV64, Format.R, Op.SLLW);
        add(t, "srlw", 0x503B, r, RV64, Format.R, Op.SRLW);
        add(t, "sraw", 0x4000503B, r, RV64, Format.R, Op.SRAW);
        add(t, "mulw", 0x0200003B, r, RV64, Format.R, Op.MULW);
        add(t, "divw", 0x0200403B, r, RV64, Format.R, Op.DIVW);
        add(t, "divuw", 0x0200503B, r, RV64, Format.R, Op.DIVUW);
        add(t, "remw", 0x0200603B, r, RV64, Format.R, Op.REMW);
        add(t, "remuw", 0x0200703B, r, RV64, Format.R, Op.REMUW);
        // A: funct5 in bits 31:27, aq/rl (26:25) free
        String[] amo = {"amoadd", "amoswap", null, "sc", "amoxor", null, null, null, "amoor", null, null, null,
            "amoand", null, null, null, "amomin", null, null, null, "amomax", null, null, null, "amominu", null,
            null, null, "amomaxu"};
        int[] amoW = {Op.AMOADD_W, Op.AMOSWAP_W, 0, Op.SC_W, Op.AMOXOR_W, 0, 0, 0, Op.AMOOR_W, 0, 0, 0,
            Op.AMOAND_W, 0, 0, 0, Op.AMOMIN_W, 0, 0, 0, Op.AMOMAX_W, 0, 0, 0, Op.AMOMINU_W, 0, 0, 0,
            Op.AMOMAXU_W};
        int[] amoD = {Op.AMOADD_D, Op.AMOSWAP_D, 0, Op.SC_D, Op.AMOXOR_D, 0, 0, 0, Op.AMOOR_D, 0, 0, 0,
            Op.AMOAND_D, 0, 0, 0, Op.AMOMIN_D, 0, 0, 0, Op.AMOMAX_D, 0, 0, 0, Op.AMOMINU_D, 0, 0, 0,
            Op.AMOMAXU_D};
        add(t, "lr.w", 0x1000202F, 0xF9F0707F, BOTH, Format.LR, Op.LR_W);
        add(t, "lr.d", 0x1000302F, 0xF9F0707F, RV64, Format.LR, Op.LR_D);
        for (int f = 0; f < amo.length; f++) {
            if (amo[f] != null) {
                add(t, amo[f] + ".w", 0x202F | f << 27, 0xF800707F, BOTH, Format.AMO, amoW[f]);
                add(t, amo[f] + ".d", 0x302F | f << 27, 0xF800707F, RV64, Format.AMO, amoD[f]);
            }
        }
        CompressedRows.add(t);
        return List.copyOf(t);
    }

    static void add(List<InsnSpec> t, String name, int match, int mask, int xlens, Format f, int op) {
        t.add(new InsnSpec(name, match, mask, NO_EXCL, xlens, f, op));
    }

    static void addC(List<InsnSpec> t, String name, int match, int mask, int xlens, Format f, int op,
            int... excludes) {
        t.add(new InsnSpec(name, match, mask, excludes, xlens, f, op));
    }

    /** Convenience for the xlen bit sets. */
    static int xl(boolean rv32, boolean rv64) {
        return (rv32 ? RV32 : 0) | (rv64 ? RV64 : 0);
    }
}
