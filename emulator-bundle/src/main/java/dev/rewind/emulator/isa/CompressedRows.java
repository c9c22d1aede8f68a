package dev.rewind.emulator.isa;

import static dev.rewind.emulator.isa.InsnSpec.BOTH;
import static dev.rewind.emulator.isa.InsnSpec.RV32;
import static dev.rewind.emulator.isa.InsnSpec.RV64;

import java.util.List;

/** The C extension rows of {@link InsnTable} (no F/D: their compressed loads/stores are illegal here). */
final class CompressedRows {
    private CompressedRows() {
    }

    private static final int RD = 0x0F80;     // bits 11:7
    private static final int RS2 = 0x007C;    // bits 6:2
    private static final int CI_IMM = 0x107C; // bits 12, 6:2

    static void add(List<InsnSpec> t) {
        final int f3 = 0xE003;
        // quadrant 0
        InsnTable.addC(t, "c.addi4spn", 0x0000, f3, BOTH, Format.CIW, Op.ADDI, 0x1FE0, 0);
        InsnTable.addC(t, "c.lw", 0x4000, f3, BOTH, Format.CL_W, Op.LW);
        InsnTable.addC(t, "c.ld", 0x6000, f3, RV64, Format.CL_D, Op.LD);
        InsnTable.addC(t, "c.sw", 0xC000, f3, BOTH, Format.CS_W, Op.SW);
        InsnTable.addC(t, "c.sd", 0xE000, f3, RV64, Format.CS_D, Op.SD);
        // quadrant 1
        InsnTable.addC(t, "c.addi", 0x0001, f3, BOTH, Format.CI, Op.ADDI);
        InsnTable.addC(t, "c.jal", 0x2001, f3, RV32, Format.CJAL, Op.JAL);
        InsnTable.addC(t, "c.addiw", 0x2001, f3, RV64, Format.CI, Op.ADDIW, RD, 0);
        InsnTable.addC(t, "c.li", 0x4001, f3, BOTH, Format.CI_LI, Op.ADDI);
        InsnTable.addC(t, "c.addi16sp", 0x6101, 0xEF83, BOTH, Format.CI_SP16, Op.ADDI, CI_IMM, 0);
        InsnTable.addC(t, "c.lui", 0x6001, f3, BOTH, Format.CI_LUI, Op.LUI, RD, 0x100, CI_IMM, 0);
        InsnTable.addC(t, "c.srli", 0x8001, 0xEC03, RV64, Format.CB_SHIFT, Op.SRLI);
        InsnTable.addC(t, "c.srai", 0x8401, 0xEC03, RV64, Format.CB_SHIFT, Op.SRAI);
        InsnTable.addC(t, "c.srli", 0x8001, 0xFC03, RV32, Format.CB_SHIFT, Op.SRLI);
        InsnTable.addC(t, "c.srai", 0x8401, 0xFC03, RV32, Format.CB_SHIFT, Op.SRAI);
        InsnTable.addC(t, "c.andi", 0x8801, 0xEC03, BOTH, Format.CB_ANDI, Op.ANDI);
        InsnTable.addC(t, "c.sub", 0x8C01, 0xFC63, BOTH, Format.CA, Op.SUB);
        InsnTable.addC(t, "c.xor", 0x8C21, 0xFC63, BOTH, Format.CA, Op.XOR);
        InsnTable.addC(t, "c.or", 0x8C41, 0xFC63, BOTH, Format.CA, Op.OR);
        InsnTable.addC(t, "c.and", 0x8C61, 0xFC63, BOTH, Format.CA, Op.AND);
        InsnTable.addC(t, "c.subw", 0x9C01, 0xFC63, RV64, Format.CA, Op.SUBW);
        InsnTable.addC(t, "c.addw", 0x9C21, 0xFC63, RV64, Format.CA, Op.ADDW);
        InsnTable.addC(t, "c.j", 0xA001, f3, BOTH, Format.CJ, Op.JAL);
        InsnTable.addC(t, "c.beqz", 0xC001, f3, BOTH, Format.CB, Op.BEQ);
        InsnTable.addC(t, "c.bnez", 0xE001, f3, BOTH, Format.CB, Op.BNE);
        // quadrant 2
        InsnTable.addC(t, "c.slli", 0x0002, f3, RV64, Format.CI_SHIFT, Op.SLLI);
        InsnTable.addC(t, "c.slli", 0x0002, 0xF003, RV32, Format.CI_SHIFT, Op.SLLI);
        InsnTable.addC(t, "c.lwsp", 0x4002, f3, BOTH, Format.CI_LWSP, Op.LW, RD, 0);
        InsnTable.addC(t, "c.ldsp", 0x6002, f3, RV64, Format.CI_LDSP, Op.LD, RD, 0);
        InsnTable.addC(t, "c.jr", 0x8002, 0xF07F, BOTH, Format.CR_JR, Op.JALR, RD, 0);
        InsnTable.addC(t, "c.mv", 0x8002, 0xF003, BOTH, Format.CR_MV, Op.ADD, RS2, 0);
        InsnTable.addC(t, "c.ebreak", 0x9002, 0xFFFF, BOTH, Format.CNONE, Op.EBREAK);
        InsnTable.addC(t, "c.jalr", 0x9002, 0xF07F, BOTH, Format.CR_JALR, Op.JALR, RD, 0);
        InsnTable.addC(t, "c.add", 0x9002, 0xF003, BOTH, Format.CR_ADD, Op.ADD, RS2, 0);
        InsnTable.addC(t, "c.swsp", 0xC002, f3, BOTH, Format.CSS_SWSP, Op.SW);
        InsnTable.addC(t, "c.sdsp", 0xE002, f3, RV64, Format.CSS_SDSP, Op.SD);
    }
}
