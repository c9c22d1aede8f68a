package dev.rewind.emulator.isa;

/**
 * Small-int semantic operation codes: what the interpreter switches on. Several table entries (an
 * instruction and its compressed forms) share one op. The {@code *32} ops exist only after
 * {@link #forXlen(int, int)} has specialised an op for RV32 (where RV32 {@code add} behaves like RV64
 * {@code addw}, and so on), so the interpreter needs one op per distinct behaviour and nothing else.
 */
public final class Op {
    private Op() {
    }

    public static final int ILLEGAL = 0;
    public static final int LUI = 1, AUIPC = 2, JAL = 3, JALR = 4;
    public static final int BEQ = 5, BNE = 6, BLT = 7, BGE = 8, BLTU = 9, BGEU = 10;
    public static final int LB = 11, LH = 12, LW = 13, LD = 14, LBU = 15, LHU = 16, LWU = 17;
    public static final int SB = 18, SH = 19, SW = 20, SD = 21;
    public static final int ADDI = 22, SLTI = 23, SLTIU = 24, XORI = 25, ORI = 26, ANDI = 27;
    public static final int SLLI = 28, SRLI = 29, SRAI = 30;
    public static final int ADD = 31, SUB = 32, SLL = 33, SLT = 34, SLTU = 35, XOR = 36, SRL = 37, SRA = 38,
            OR = 39, AND = 40;
    public static final int FENCE = 41, FENCE_I = 42, ECALL = 43, EBREAK = 44, MRET = 45, WFI = 46;
    public static final int CSRRW = 47, CSRRS = 48, CSRRC = 49, CSRRWI = 50, CSRRSI = 51, CSRRCI = 52;
    public static final int ADDIW = 53, SLLIW = 54, SRLIW = 55, SRAIW = 56;
    public static final int ADDW = 57, SUBW = 58, SLLW = 59, SRLW = 60, SRAW = 61;
    public static final int MUL = 62, MULH = 63, MULHSU = 64, MULHU = 65, DIV = 66, DIVU = 67, REM = 68, REMU = 69;
    public static final int MULW = 70, DIVW = 71, DIVUW = 72, REMW = 73, REMUW = 74;
    public static final int LR_W = 75, SC_W = 76, AMOSWAP_W = 77, AMOADD_W = 78, AMOXOR_W = 79, AMOAND_W = 80,
            AMOOR_W = 81, AMOMIN_W = 82, AMOMAX_W = 83, AMOMINU_W = 84, AMOMAXU_W = 85;
    public static final int LR_D = 86, SC_D = 87, AMOSWAP_D = 88, AMOADD_D = 89, AMOXOR_D = 90, AMOAND_D = 91,
            AMOOR_D = 92, AMOMIN_D = 93, AMOMAX_D = 94, AMOMINU_D = 95, AMOMAXU_D = 96;
    /** RV32-only execution ops (see {@link #forXlen}). */
    public static final int MULH32 = 97, MULHSU32 = 98, MULHU32 = 99;
    public static final int COUNT = 100;

    /** The op that implements {@code op} on a hart of the given xlen (RV32 keeps values sign-extended). */
    public static int forXlen(int op, int xlen) {
        if (xlen == 64) {
            return op;
        }
        return switch (op) {
            case ADD -> ADDW;
            case SUB -> SUBW;
            case SLL -> SLLW;
            case SRL -> SRLW;
            case SRA -> SRAW;
            case ADDI -> ADDIW;
            case SLLI -> SLLIW;
            case SRLI -> SRLIW;
            case SRAI -> SRAIW;
            case MUL -> MULW;
            case DIV -> DIVW;
            case DIVU -> DIVUW;
            case REM -> REMW;
            case REMU -> REMUW;
            case MULH -> MULH32;
            case MULHSU -> MULHSU32;
            case MULHU -> MULHU32;
            default -> op;
        };
    }

    /** True for ops that end a decoded block (control transfer, traps, CSR and privilege changes, fences). */
    public static boolean endsBlock(int op) {
        return switch (op) {
            case JAL, JALR, BEQ, BNE, BLT, BGE, BLTU, BGEU, FENCE_I, ECALL, EBREAK, MRET, WFI, CSRRW, CSRRS,
                    CSRRC, CSRRWI, CSRRSI, CSRRCI, ILLEGAL -> true;
            default -> false;
        };
    }
}
