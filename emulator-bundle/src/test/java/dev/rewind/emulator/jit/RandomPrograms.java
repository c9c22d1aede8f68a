package dev.rewind.emulator.jit;

import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.isa.Decoded;
import dev.rewind.emulator.isa.Decoder;
import dev.rewind.emulator.isa.Disassembler;
import dev.rewind.emulator.isa.Format;
import dev.rewind.emulator.isa.InsnSpec;
import dev.rewind.emulator.isa.InsnTable;
import dev.rewind.emulator.isa.Op;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Random guest programs drawn from the instruction table: every row of the table for the xlen can appear
 * (except WFI and MRET), with random operand bits, then constrained so the program keeps running: memory
 * operations use one of the pointer registers (data pages, a page boundary, the UART, the code itself),
 * which nothing else writes; indirect jumps go through the code pointer; branch and jump targets are labels
 * a few instructions ahead, and loops are back edges counted down in t0 (so every program ends); CSR instructions touch harmless CSRs. A trap handler
 * skips the faulting instruction, so access faults, illegal instructions, ecall and ebreak all continue.
 */
public final class RandomPrograms {
    private RandomPrograms() {
    }

    public static final long RAM = MachineConfig.RAM_BASE;
    public static final long HANDLER = RAM + 4;
    public static final long BODY = RAM + 0x1000;
    public static final long CODE_PTR = BODY + 0x800;
    /** Data pages around the data pointers, filled with random bytes. */
    public static final long DATA = RAM + 0x1F000;
    public static final int DATA_SIZE = 0x5000;
    /** Pointer registers and their values: sp, gp (page boundary), tp (UART), s0 (data), s1 (code). */
    public static final int[] POINTERS = {2, 3, 4, 8, 9};
    public static final long[] POINTER_VALUES = {RAM + 0x20000, RAM + 0x21FFE, MachineConfig.UART_BASE, RAM + 0x23000,
        CODE_PTR};
    /** The loop counter t0: bounds loops and indirect jumps; random instructions never write it. */
    public static final int LOOP = 5;
    private static final Set<Integer> PTR = Set.of(2, 3, 4, 8, 9);
    private static final int[] CSRS = {0xB00, 0xB02, 0xC00, 0xC01, 0xC02, 0xF14, 0x341, 0x342, 0x343, 0x304, 0x344};

    /** The trap handler's entry (at RAM: a jump over it; at RAM+4: t6 saved in mscratch). */
    public static final String HANDLER_ENTRY = """
            jal zero,start
            csrrw t6,mscratch,t6
            """;
    /** The handler's end: skips the trapping instruction (2 or 4 bytes), restores t6, returns. */
    public static final String HANDLER_SKIP = """
            csrrs t6,mepc,zero
            lhu t6,0(t6)
            andi t6,t6,3
            addi t6,t6,-3
            beq t6,zero,four
            csrrs t6,mepc,zero
            addi t6,t6,2
            jal zero,set
            four:
            csrrs t6,mepc,zero
            addi t6,t6,4
            set:
            csrrw zero,mepc,t6
            csrrw t6,mscratch,t6
            mret
            """;
    public static final String HANDLER_CODE = HANDLER_ENTRY + HANDLER_SKIP;

    /** Assembly text of a random program of {@code n} instructions (the body starts at {@link #BODY}). */
    static String program(int xlen, long seed, int n) {
        return program(xlen, seed, n, CSRS);
    }

    /** {@link #program(int, long, int)} with CSR instructions touching only the CSRs {@code csrs}. */
    public static String program(int xlen, long seed, int n, int[] csrs) {
        Random rnd = new Random(seed);
        List<InsnSpec> specs = InsnTable.forXlen(xlen).stream()
                .filter(s -> s.op() != Op.WFI && s.op() != Op.MRET).toList();
        Decoder dec = new Decoder(xlen);
        Disassembler dis = new Disassembler(xlen);
        StringBuilder sb = new StringBuilder();
        sb.append(HANDLER_CODE);
        sb.append(".zero ").append(BODY - RAM - 4 * 15).append('\n');
        sb.append("start:\n");
        long pc = BODY;
        for (int i = 0; i < n; i++) {
            sb.append("L").append(i).append(":\n");
            if (rnd.nextInt(200) == 0) {
                sb.append(".word 0\n");
                pc += 4;
                continue;
            }
            while (true) {
                InsnSpec s = specs.get(rnd.nextInt(specs.size()));
                int bits = s.match() | (rnd.nextInt() & ~s.mask());
                if (s.compressed()) {
                    bits &= 0xFFFF;
                }
                if (s.format() == Format.CSR || s.format() == Format.CSRI) {
                    bits = (bits & 0xFFFFF) | csrs[rnd.nextInt(csrs.length)] << 20;
                }
                Decoded d = dec.decode(bits);
                if (d.illegal() || d.spec() != s || !acceptable(d, rnd)) {
                    continue;
                }
                String text = dis.disassemble(bits, pc);
                if (isDirect(d.op())) {
                    text = text.replaceAll("0x[0-9a-f]+$", "L" + Math.min(n, i + 1 + rnd.nextInt(10)));
                }
                if (rnd.nextInt(40) == 0 && i > 8) {
                    // a loop: backward branches and indirect jumps only while the loop counter t0 lasts
                    sb.append("addi t0,t0,-1\nblt zero,t0,L").append(i - 1 - rnd.nextInt(8)).append('\n');
                    pc += 8;
                } else if (d.op() == Op.JALR) {
                    sb.append("addi t0,t0,-1\nbge zero,t0,S").append(i).append('\n');
                    sb.append(text).append("\nS").append(i).append(":\n");
                    pc += 8 + d.length();
                    break;
                }
                sb.append(text).append('\n');
                pc += d.length();
                break;
            }
        }
        sb.append("L").append(n).append(":\n");
        sb.append("lui t6,0x100\nlui t5,0x5\naddi t5,t5,0x555\nsw t5,0(t6)\n");
        return sb.toString();
    }

    private static boolean isDirect(int op) {
        return op == Op.JAL || op >= Op.BEQ && op <= Op.BGEU;
    }

    private static boolean acceptable(Decoded d, Random rnd) {
        int op = d.op();
        if (PTR.contains(d.rd()) || d.rd() == LOOP || d.spec().name().equals("c.addi16sp")) {
            return false;
        }
        boolean mem = op >= Op.LB && op <= Op.SD || op >= Op.LR_W && op <= Op.AMOMAXU_D;
        if (mem) {
            boolean load = op >= Op.LB && op <= Op.LWU;
            // stores into the code (self-modifying code, invalidation) stay rare: they are expensive
            return PTR.contains(d.rs1()) && (d.rs1() != 9 || load || rnd.nextInt(8) == 0);
        }
        if (op == Op.JALR) {
            return d.rs1() == 9;
        }
        return true;
    }
}
