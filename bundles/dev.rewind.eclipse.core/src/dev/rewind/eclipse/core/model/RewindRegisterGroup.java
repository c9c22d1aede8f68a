package dev.rewind.eclipse.core.model;

import dev.rewind.debug.Register;
import dev.rewind.eclipse.core.Futures;
import java.util.List;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IRegister;
import org.eclipse.debug.core.model.IRegisterGroup;

/** A group of a hart's registers (x registers and pc, or the CSRs), all read in one request. */
public final class RewindRegisterGroup extends RewindDebugElement implements IRegisterGroup {

    private final RewindStackFrame frame;
    private final String name;
    private final List<Register> registers;
    private volatile IRegister[] read;

    RewindRegisterGroup(RewindStackFrame frame, String name, List<Register> registers) {
        super(frame.getDebugTarget());
        this.frame = frame;
        this.name = name;
        this.registers = registers;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public IRegister[] getRegisters() throws DebugException {
        IRegister[] r = read;
        if (r == null) {
            long[] values = Futures.await(rewindTarget().session().readRegisters(frame.rewindThread().hart(),
                    registers), "reading " + name);
            r = new IRegister[registers.size()];
            for (int i = 0; i < r.length; i++) {
                r[i] = new RewindRegister(this, frame.rewindThread().hart(), registers.get(i), values[i]);
            }
            read = r;
        }
        return r;
    }

    @Override
    public boolean hasRegisters() {
        return !registers.isEmpty();
    }
}
