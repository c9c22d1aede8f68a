package dev.rewind.debug.internal;

import dev.rewind.debug.HartAccess;
import dev.rewind.debug.MemoryRead;
import dev.rewind.debug.Register;
import dev.rewind.mcd.api.McdException;

/** {@link HartAccess} straight onto the machine; executor-confined, valid during one inspection. */
final class Hart implements HartAccess {
    private final Context ctx;
    private final int hart;
    boolean wrote;

    Hart(Context ctx, int hart) {
        this.ctx = ctx;
        this.hart = hart;
        ctx.machine.core(hart);
    }

    @Override
    public int hart() {
        return hart;
    }

    @Override
    public int xlen() {
        return ctx.machine.xlen();
    }

    @Override
    public long register(int dwarfRegister) throws AccessException {
        if (dwarfRegister < 0 || dwarfRegister > 31) {
            throw new AccessException(0, "no register number " + dwarfRegister + " on this hart");
        }
        try {
            return ctx.machine.readRegister(hart, dwarfRegister);
        } catch (McdException e) {
            throw new AccessException(0, "cannot read x" + dwarfRegister + ": " + e.getMessage(), e);
        }
    }

    @Override
    public int registerNumber(String name) {
        return ctx.registers.find(name).filter(r -> r.kind() == Register.Kind.GENERAL).map(Register::number)
                .orElse(-1);
    }

    @Override
    public long pc() throws AccessException {
        try {
            return ctx.machine.pc(hart);
        } catch (McdException e) {
            throw new AccessException(0, "cannot read the pc: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] memory(long address, int length) throws AccessException {
        MemoryRead r = ctx.machine.readMemory(address, length);
        if (!r.complete()) {
            throw new AccessException(address + r.data().length, "Cannot access memory at address 0x"
                    + Long.toHexString(address + r.data().length));
        }
        return r.data();
    }

    @Override
    public void writeMemory(long address, byte[] data) throws AccessException {
        try {
            ctx.requireStopped("write memory");
            ctx.machine.writeMemory(address, data);
            wrote = true;
        } catch (McdException e) {
            throw new AccessException(address, "Cannot access memory at address 0x" + Long.toHexString(address), e);
        }
    }

    @Override
    public void setRegister(int dwarfRegister, long value) throws AccessException {
        if (dwarfRegister < 1 || dwarfRegister > 31) {
            throw new AccessException(0, "cannot write register number " + dwarfRegister);
        }
        try {
            ctx.requireStopped("write a register");
            Register r = ctx.registers.all().get(dwarfRegister);
            ctx.machine.writeRegister(hart, r, value);
            wrote = true;
        } catch (McdException e) {
            throw new AccessException(0, "cannot write x" + dwarfRegister + ": " + e.getMessage(), e);
        }
    }
}
