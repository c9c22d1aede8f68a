package dev.rewind.emulator.isa;

/**
 * objdump-style disassembly with ABI register names: {@code addi a0,a0,1}, {@code lw a0,8(sp)},
 * branch and jump targets as absolute hex addresses. Compressed instructions are shown in their
 * {@code c.} form with the compressed operands ({@code c.addi a0,1}, {@code c.lwsp a0,8(sp)}, and
 * {@code c.nop}); illegal encodings as {@code .half}/{@code .word}. The output is accepted by
 * {@link Assembler}.
 */
public final class Disassembler {

    private final Decoder decoder;

    public Disassembler(int xlen) {
        this.decoder = Decoder.of(xlen);
    }

    /** Disassembles the instruction {@code bits} located at {@code pc}. */
    public String disassemble(int bits, long pc) {
        Decoded d = decoder.decode(bits);
        if (d.illegal()) {
            return d.length() == 2 ? String.format(".half 0x%04x", d.bits()) : String.format(".word 0x%08x", d.bits());
        }
        InsnSpec s = d.spec();
        Format f = s.format();
        if (s.name().equals("c.addi") && d.rd() == 0 && d.imm() == 0) {
            return "c.nop";
        }
        StringBuilder sb = new StringBuilder(s.name());
        if (f == Format.AMO || f == Format.LR) {
            sb.append(switch ((int) d.imm()) {
                case 1 -> ".rl";
                case 2 -> ".aq";
                case 3 -> ".aqrl";
                default -> "";
            });
        }
        String sep = " ";
        for (String tok : f.syntax) {
            sb.append(sep);
            sep = ",";
            switch (tok) {
                case "rd" -> sb.append(Names.reg(d.rd()));
                case "rs1" -> sb.append(Names.reg(d.rs1()));
                case "rs2" -> sb.append(Names.reg(d.rs2()));
                case "imm" -> sb.append(d.imm());
                case "uimm20" -> sb.append(String.format("0x%x", (d.imm() >>> 12) & 0xFFFFF));
                case "target" -> {
                    long t = pc + d.imm();
                    sb.append(String.format("0x%x", decoder.xlen() == 32 ? t & 0xFFFFFFFFL : t));
                }
                case "csr" -> sb.append(Names.csr((int) d.imm()));
                case "zimm" -> sb.append(d.rs1());
                case "pred" -> sb.append(fenceSet((int) (d.imm() >> 4) & 15));
                case "succ" -> sb.append(fenceSet((int) d.imm() & 15));
                case "imm(rs1)" -> sb.append(d.imm()).append('(').append(Names.reg(d.rs1())).append(')');
                case "(rs1)" -> sb.append('(').append(Names.reg(d.rs1())).append(')');
                default -> throw new IllegalStateException("syntax token " + tok);
            }
        }
        return sb.toString();
    }

    static String fenceSet(int v) {
        if (v == 0) {
            return "0";
        }
        StringBuilder sb = new StringBuilder();
        String letters = "iorw";
        for (int b = 0; b < 4; b++) {
            if ((v & (8 >> b)) != 0) {
                sb.append(letters.charAt(b));
            }
        }
        return sb.toString();
    }
}
