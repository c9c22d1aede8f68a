package dev.rewind.debug.internal;

/** The few facts about RISC-V control transfers that stepping needs: calls and returns, with their lengths. */
final class Insns {
    private Insns() {
    }

    /** 2 or 4: the length of the instruction whose low 16 bits are {@code low}. */
    static int length(int low) {
        return (low & 3) == 3 ? 4 : 2;
    }

    /** Whether {@code bits} (an instruction, compressed in the low half) calls: jal/jalr linking ra or t0, c.jal, c.jalr. */
    static boolean isCall(int bits, int xlen) {
        if ((bits & 3) == 3) {
            int opcode = bits & 0x7F;
            int rd = (bits >>> 7) & 31;
            boolean link = rd == 1 || rd == 5;
            return link && (opcode == 0x6F || (opcode == 0x67 && ((bits >>> 12) & 7) == 0));
        }
        int c = bits & 0xFFFF;
        int op = c & 3;
        int funct3 = c >>> 13;
        if (op == 1 && funct3 == 1 && xlen == 32) {
            return true; // c.jal
        }
        int funct4 = c >>> 12;
        int rs1 = (c >>> 7) & 31;
        int rs2 = (c >>> 2) & 31;
        return op == 2 && funct4 == 9 && rs1 != 0 && rs2 == 0; // c.jalr
    }

    /** Whether {@code bits} returns: jalr x0, 0(ra|t0) or c.jr ra|t0. */
    static boolean isReturn(int bits) {
        if ((bits & 3) == 3) {
            int rd = (bits >>> 7) & 31;
            int rs1 = (bits >>> 15) & 31;
            return (bits & 0x7F) == 0x67 && rd == 0 && (rs1 == 1 || rs1 == 5) && (bits >>> 20) == 0;
        }
        int c = bits & 0xFFFF;
        int rs1 = (c >>> 7) & 31;
        return (c & 3) == 2 && (c >>> 12) == 8 && ((c >>> 2) & 31) == 0 && (rs1 == 1 || rs1 == 5);
    }
}
