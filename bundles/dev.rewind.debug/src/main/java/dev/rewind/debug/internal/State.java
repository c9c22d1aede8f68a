package dev.rewind.debug.internal;

import dev.rewind.debug.Breakpoint;
import dev.rewind.debug.BreakpointSpec;
import dev.rewind.debug.DebugException;
import dev.rewind.debug.Instruction;
import dev.rewind.debug.MemoryRead;
import dev.rewind.debug.Register;
import dev.rewind.debug.SessionEvent;
import dev.rewind.mcd.api.McdException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Registers, memory, disassembly and breakpoints of a session. Writes are debugger writes: recorded with their
 * time (a recording replays them) and, made in history, the start of a new future. Executor-confined, but for
 * the register table, which is immutable.
 */
final class State {
    private final Context ctx;
    private final dev.rewind.mcd.disasm.Disassembly disassembler;

    State(Context ctx) {
        this.ctx = ctx;
        this.disassembler = ctx.machine.disassembly();
    }

    List<Register> registers() {
        return ctx.registers.all();
    }

    Register register(String nameOrNumber) {
        return ctx.registers.get(nameOrNumber);
    }

    void writeRegister(int hart, Register r, long value) throws McdException {
        ctx.requireStopped("write " + r.name());
        ctx.machine.writeRegister(hart, r, value);
        written();
    }

    MemoryRead readMemory(long address, int length) {
        if (length < 0 || length > 1 << 24) {
            throw new DebugException("cannot read " + length + " bytes at once (at most 16 MiB)");
        }
        return ctx.machine.readMemory(address, length);
    }

    void writeMemory(long address, byte[] data) throws McdException {
        ctx.requireStopped("write memory");
        ctx.machine.writeMemory(address, data);
        written();
    }

    /** A debugger write: in history it starts a new future, so the frontier is now; views refetch. */
    private void written() throws McdException {
        ctx.frontier = ctx.time();
        ctx.publish(new SessionEvent.Invalidated(ctx.id, ctx.frontier, false));
    }

    List<Instruction> disassemble(long address, int count) {
        if (count < 0 || count > 100_000) {
            throw new DebugException("cannot disassemble " + count + " instructions at once");
        }
        byte[] bytes = ctx.machine.readMemory(address, count * 4).data();
        List<Instruction> out = new ArrayList<>(count);
        int off = 0;
        while (out.size() < count && off + 2 <= bytes.length) {
            int low = (bytes[off] & 0xFF) | (bytes[off + 1] & 0xFF) << 8;
            int len = Insns.length(low);
            if (off + len > bytes.length) {
                break;
            }
            int bits = len == 2 ? low : low | (bytes[off + 2] & 0xFF) << 16 | (bytes[off + 3] & 0xFF) << 24;
            out.add(new Instruction(address + off, Arrays.copyOfRange(bytes, off, off + len),
                    disassembler.disassemble(bits, address + off)));
            off += len;
        }
        return out;
    }

    Breakpoint addBreakpoint(BreakpointSpec spec) throws McdException {
        if (spec.hitCondition() != null && !Conditions.validHitCondition(spec.hitCondition())) {
            throw new DebugException("bad hit condition '" + spec.hitCondition() + "': use N, >= N, == N, > N, < N or"
                    + " % N");
        }
        if (spec.hart() >= ctx.machine.harts()) {
            throw new DebugException("no hart " + spec.hart());
        }
        Breakpoint b = ctx.breakpoints.add(spec);
        ctx.publish(new SessionEvent.BreakpointChanged(ctx.id, b, false));
        return b;
    }

    void removeBreakpoint(int id) throws McdException {
        Breakpoint b = ctx.breakpoints.remove(id);
        ctx.publish(new SessionEvent.BreakpointChanged(ctx.id, b, true));
    }
}
