package dev.rewind.emulator.cpu;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.device.InputSource;
import dev.rewind.emulator.isa.Assembler;

/** Builds small machines running programs from the test assembler. */
final class TestMachines {
    private TestMachines() {
    }

    static final long RAM = MachineConfig.RAM_BASE;
    /** Handler address when a program starts with {@link #PRELUDE}. */
    static final long HANDLER = RAM + 4;
    /** Writes 0x5555 to the test finisher: the machine stops with EXITED 0. */
    static final String EXIT = "lui t6,0x100\nlui t5,0x5\naddi t5,t5,0x555\nsw t5,0(t6)\n";
    /** Jumps over a trap handler at {@link #HANDLER} that exits. */
    static final String PRELUDE = "jal zero,main\n" + EXIT + "main:\n";

    static Machine boot(int xlen, int harts, int quantum, String program) {
        Machine m = new Machine(new MachineConfig(xlen, harts, 1 << 20, quantum), ConsoleSink.discard(),
                InputSource.none());
        byte[] code = new Assembler(xlen).assemble(program, RAM);
        m.writeMemory(RAM, code, 0, code.length);
        for (int i = 0; i < harts; i++) {
            m.hart(i).setPc(RAM);
            m.hart(i).setReg(10, i);
        }
        m.writeCsr(0, 0x305, HANDLER);
        for (int i = 1; i < harts; i++) {
            m.writeCsr(i, 0x305, HANDLER);
        }
        return m;
    }

    /** Runs a single-hart program that ends with {@link #EXIT} (or traps into the prelude handler). */
    static Machine run(int xlen, String body) {
        Machine m = boot(xlen, 1, 1000, PRELUDE + body + "\n" + EXIT);
        var r = m.run(100_000);
        if (r.reason() != dev.rewind.emulator.StopReason.EXITED) {
            throw new AssertionError("program did not exit: " + r);
        }
        return m;
    }

    static long x(Machine m, String reg) {
        return m.hart(0).reg(dev.rewind.emulator.isa.Names.regNumber(reg));
    }

    /** Runs hart h through the interpreter's slices (of at most 2^16 slots) for n slots from time t0; returns n. */
    static long slices(Interpreter in, Hart h, long t0, long n) {
        long used = 0;
        while (used < n) {
            used += in.runSlice(h, Math.min(1 << 16, n - used), t0 + used);
        }
        return used;
    }
}
