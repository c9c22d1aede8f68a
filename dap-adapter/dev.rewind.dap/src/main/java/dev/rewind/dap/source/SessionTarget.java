package dev.rewind.dap.source;

import dev.rewind.dap.DapContext;
import dev.rewind.debug.DebugSession;
import dev.rewind.debug.HartAccess;
import dev.rewind.debug.MemoryRead;
import dev.rewind.debug.Register;
import dev.rewind.symbols.TargetAccess;
import dev.rewind.symbols.info.TargetWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * One stopped hart of a debug session as the symbols bundle sees it: x0..x31 and pc read once, memory on demand,
 * writes through the session (which records them and tells every front end). Used on the connection's worker
 * thread, or inside {@code DapContext.inspecting}, where its reads go straight to the stopped hart.
 */
public final class SessionTarget implements TargetAccess, TargetWriter {

    private final DapContext context;
    private final DebugSession session;
    private final int hart;
    private long[] registers;

    public SessionTarget(DapContext context, int hart) {
        this.context = context;
        this.session = context.session();
        this.hart = hart;
    }

    private long[] registers() throws AccessException {
        HartAccess direct = context.inspection().access();
        if (registers == null && direct != null && direct.hart() == hart) {
            long[] r = new long[33];
            for (int i = 0; i < 32; i++) {
                r[i] = direct.register(i);
            }
            r[32] = direct.pc();
            registers = r;
        }
        if (registers == null) {
            List<Register> regs = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                regs.add(session.register(Integer.toString(i)));
            }
            regs.add(session.register("pc"));
            try {
                registers = context.await(session.readRegisters(hart, regs));
            } catch (RuntimeException e) {
                throw new AccessException(-1, "cannot read the registers of hart " + hart + ": " + e.getMessage(), e);
            }
        }
        return registers;
    }

    public int hart() {
        return hart;
    }

    @Override
    public int xlen() {
        return session.xlen();
    }

    @Override
    public long register(int dwarfRegister) throws AccessException {
        if (dwarfRegister < 0 || dwarfRegister > 31) {
            throw new AccessException(dwarfRegister, "no DWARF register " + dwarfRegister + " on this hart");
        }
        return registers()[dwarfRegister];
    }

    @Override
    public int registerNumber(String name) {
        try {
            Register r = session.register(name);
            return r.kind() == Register.Kind.GENERAL ? r.number() : -1;
        } catch (dev.rewind.debug.DebugException e) {
            return -1;
        }
    }

    @Override
    public long pc() throws AccessException {
        return registers()[32];
    }

    @Override
    public byte[] memory(long address, int length) throws AccessException {
        HartAccess direct = context.inspection().access();
        if (direct != null) {
            return direct.memory(address, length); // inside a request's one hop (DapContext.inspecting)
        }
        MemoryRead m;
        try {
            m = context.await(session.readMemory(address, length));
        } catch (RuntimeException e) {
            throw new AccessException(address, "cannot read memory at 0x" + Long.toHexString(address), e);
        }
        if (!m.complete()) {
            throw new AccessException(address + m.data().length, "cannot read memory at 0x"
                    + Long.toHexString(address + m.data().length));
        }
        return m.data();
    }

    @Override
    public void writeMemory(long address, byte[] data) throws AccessException {
        try {
            context.await(session.writeMemory(address, data));
        } catch (RuntimeException e) {
            throw new AccessException(address, "cannot write memory at 0x" + Long.toHexString(address), e);
        }
    }

    @Override
    public void setRegister(int dwarfRegister, long value) throws AccessException {
        try {
            context.await(session.writeRegister(hart, session.register(Integer.toString(dwarfRegister)), value));
        } catch (RuntimeException e) {
            throw new AccessException(dwarfRegister, "cannot write register x" + dwarfRegister, e);
        }
        registers = null;
    }
}
