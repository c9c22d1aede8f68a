package dev.rewind.emulator.travel;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.device.InputSource;
import dev.rewind.emulator.isa.Assembler;
import dev.rewind.emulator.isa.Format;
import dev.rewind.emulator.isa.InsnSpec;
import dev.rewind.emulator.isa.InsnTable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Random multi-hart guest programs drawn from the instruction table: each hart runs its own endless loop of
 * random ALU, multiply/divide, load/store, atomic (LR/SC, AMO), fence, forward branch and jump instructions over a
 * shared 2 KiB data window (s0 = {@link #DATA}), so harts race on the same words. No CSRs, traps or WFI: every
 * instruction retires, and the program runs for ever.
 */
final class RandomProgram {

    static final long RAM = MachineConfig.RAM_BASE;
    /** Base of the shared data window (s0). */
    static final long DATA = RAM + 0x10000;
    static final int DATA_SIZE = 2048;

    private static final Set<Format> FORMATS = EnumSet.of(Format.R, Format.I, Format.LOAD, Format.SHIFT,
            Format.SHIFTW, Format.S, Format.B, Format.U, Format.J, Format.AMO, Format.LR, Format.FENCE);

    final byte[] code;
    final String source;
    /** Address of every generated instruction (candidates for breakpoints). */
    final List<Long> pcs = new ArrayList<>();
    /** Addresses that stores and atomics write (8-byte aligned), with repeats. */
    final List<Long> storeTargets = new ArrayList<>();

    RandomProgram(int xlen, int harts, int perHart, long seed) {
        Random rnd = new Random(seed);
        List<InsnSpec> specs = InsnTable.forXlen(xlen).stream()
                .filter(s -> !s.compressed() && FORMATS.contains(s.format()) && !s.name().equals("jalr"))
                .toList();
        StringBuilder src = new StringBuilder();
        List<String> lines = new ArrayList<>();
        lines.add("auipc s0,0x10");
        for (int h = 1; h < harts; h++) {
            lines.add("addi t0,zero," + h);
            lines.add("beq a0,t0,hart" + h);
        }
        for (int h = 0; h < harts; h++) {
            lines.add("hart" + h + ":");
            for (int i = 0; i < perHart; i++) {
                String insn = instruction(specs.get(rnd.nextInt(specs.size())), rnd, xlen, "h" + h + "i", i, perHart);
                lines.add("h" + h + "i" + i + ": " + insn);
                if (insn.startsWith("s") && insn.endsWith("(s0)") || insn.startsWith("amo")) {
                    int open = insn.lastIndexOf(',');
                    String off = insn.substring(open + 1, insn.length() - 4);
                    storeTargets.add((DATA + (off.isEmpty() ? 0 : Long.parseLong(off))) & ~7L);
                }
            }
            lines.add("h" + h + "i" + perHart + ": jal zero,hart" + h);
        }
        for (String l : lines) {
            src.append(l).append('\n');
        }
        this.source = src.toString();
        this.code = new Assembler(xlen).assemble(source, RAM);
        int prologue = 1 + 2 * (harts - 1);
        for (int k = 0; k < harts * (perHart + 1); k++) {
            pcs.add(RAM + 4L * (prologue + k));
        }
    }

    private static String reg(Random rnd) {
        return "x" + rnd.nextInt(32);
    }

    /** A destination register other than s0 (x8), which holds the data pointer. */
    private static String rd(Random rnd) {
        int r;
        do {
            r = rnd.nextInt(32);
        } while (r == 8);
        return "x" + r;
    }

    private static String instruction(InsnSpec s, Random rnd, int xlen, String label, int i, int n) {
        String name = s.name();
        return switch (s.format()) {
            case R -> name + " " + rd(rnd) + "," + reg(rnd) + "," + reg(rnd);
            case I -> name + " " + rd(rnd) + "," + reg(rnd) + "," + (rnd.nextInt(4096) - 2048);
            case SHIFT -> name + " " + rd(rnd) + "," + reg(rnd) + "," + rnd.nextInt(xlen);
            case SHIFTW -> name + " " + rd(rnd) + "," + reg(rnd) + "," + rnd.nextInt(32);
            case U -> name + " " + rd(rnd) + ",0x" + Integer.toHexString(rnd.nextInt(1 << 20));
            case LOAD -> name + " " + rd(rnd) + "," + offset(rnd, size(name)) + "(s0)";
            case S -> name + " " + reg(rnd) + "," + offset(rnd, size(name)) + "(s0)";
            case B -> name + " " + reg(rnd) + "," + reg(rnd) + "," + label + Math.min(n, i + 1 + rnd.nextInt(3));
            case J -> name + " " + rd(rnd) + "," + label + Math.min(n, i + 1 + rnd.nextInt(3));
            case LR -> name + " " + rd(rnd) + ",(s0)";
            case AMO -> name + " " + rd(rnd) + "," + reg(rnd) + ",(s0)";
            case FENCE -> "fence iorw,iorw";
            default -> throw new IllegalStateException("format " + s.format());
        };
    }

    private static int size(String name) {
        return switch (name.charAt(1)) {
            case 'b' -> 1;
            case 'h' -> 2;
            case 'w' -> 4;
            default -> 8;
        };
    }

    private static int offset(Random rnd, int size) {
        return rnd.nextInt(DATA_SIZE / size) * size;
    }

    /** A machine with this program at RAM, every hart at its start with a0 = hart id. */
    Machine boot(MachineConfig cfg) {
        Machine m = new Machine(cfg, ConsoleSink.discard(), InputSource.none());
        m.writeMemory(RAM, code, 0, code.length);
        for (int i = 0; i < cfg.harts(); i++) {
            m.hart(i).setPc(RAM);
            m.hart(i).setReg(10, i);
        }
        return m;
    }
}
