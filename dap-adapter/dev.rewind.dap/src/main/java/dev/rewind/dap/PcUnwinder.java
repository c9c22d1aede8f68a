package dev.rewind.dap;

import dev.rewind.debug.DebugSession;
import dev.rewind.debug.HartAccess;
import dev.rewind.symbols.TargetAccess;
import java.util.List;

/** Instruction level, no call frame information: the hart's current pc is the one frame. */
public final class PcUnwinder implements Unwinder {

    @Override
    public List<Frame> frames(DapContext context, int hart, int max) {
        DebugSession s = context.session();
        HartAccess direct = context.inspection().access();
        long[] v;
        if (direct != null && direct.hart() == hart) {
            try {
                v = new long[] {direct.pc(), direct.register(2)};
            } catch (TargetAccess.AccessException e) {
                throw DapErrors.error(DapErrors.FAILED, "cannot read pc and sp of hart " + hart + ": " + e.getMessage());
            }
        } else {
            v = context.await(s.readRegisters(hart, List.of(s.register("pc"), s.register("sp"))));
        }
        return max < 1 ? List.of() : List.of(new Frame(hart, 0, v[0], v[1], -1, -1));
    }
}
