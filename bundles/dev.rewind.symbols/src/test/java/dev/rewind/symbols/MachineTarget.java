package dev.rewind.symbols;

import dev.rewind.emulator.Machine;
import dev.rewind.emulator.MachineConfig;
import dev.rewind.emulator.RunResult;
import dev.rewind.emulator.StopReason;
import dev.rewind.emulator.device.ConsoleSink;
import dev.rewind.emulator.device.InputSource;
import dev.rewind.emulator.elf.ElfLoader;
import java.nio.file.Path;

/** A stopped hart of the real engine as a {@link TargetAccess} (tests only: the bundle itself has no engine). */
final class MachineTarget implements TargetAccess {

    final Machine machine;
    private int hart;

    private MachineTarget(Machine machine) {
        this.machine = machine;
    }

    /** Loads {@code elf} on {@code harts} harts and runs until a hart reaches {@code address}. */
    static MachineTarget stoppedAt(Path elf, int harts, long address) throws Exception {
        var image = ElfLoader.parse(elf);
        Machine m = new Machine(MachineConfig.defaults(image.xlen()).withHarts(harts), ConsoleSink.discard(),
                InputSource.none());
        m.load(image);
        m.addBreakpoint(address);
        RunResult r = m.run(50_000_000L);
        if (r.reason() != StopReason.BREAKPOINT) {
            throw new AssertionError(elf + ": expected a breakpoint at 0x" + Long.toHexString(address) + ", got " + r);
        }
        MachineTarget t = new MachineTarget(m);
        t.hart = r.hart();
        return t;
    }

    /** Moves on to the next hart that reaches the breakpoint. */
    MachineTarget hart(int h) {
        this.hart = h;
        return this;
    }

    int hart() {
        return hart;
    }

    @Override
    public int xlen() {
        return machine.config().xlen();
    }

    @Override
    public long register(int n) throws AccessException {
        if (n < 0 || n >= 32) {
            throw new AccessException(n, "no register " + n);
        }
        long v = machine.hart(hart).reg(n);
        return xlen() == 32 ? v & 0xffff_ffffL : v;
    }

    @Override
    public int registerNumber(String name) {
        return dev.rewind.emulator.isa.Names.regNumber(name);
    }

    @Override
    public long pc() {
        long v = machine.hart(hart).pc();
        return xlen() == 32 ? v & 0xffff_ffffL : v;
    }

    @Override
    public byte[] memory(long address, int length) throws AccessException {
        byte[] b = new byte[length];
        try {
            machine.readMemory(address, b, 0, length);
        } catch (RuntimeException e) {
            throw new AccessException(address, "cannot read " + length + " bytes at 0x" + Long.toHexString(address), e);
        }
        return b;
    }

    long word(long address) throws AccessException {
        byte[] b = memory(address, xlen() / 8);
        long v = 0;
        for (int i = b.length - 1; i >= 0; i--) {
            v = (v << 8) | (b[i] & 0xff);
        }
        return v;
    }
}
