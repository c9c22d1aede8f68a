package dev.rewind.symbols.info;

import dev.rewind.symbols.TargetAccess.AccessException;
import dev.rewind.symbols.dwarf.DwarfException;
import java.util.Optional;

/**
 * Evaluates variables' locations in a frame. Never throws: failures become unavailable locations. A
 * DW_OP_entry_value is answered from the caller's call site (DW_AT_call_value) when the frame knows its caller.
 */
public final class Locator {
    private static final int MAX_ENTRY_DEPTH = 64;

    private Locator() {
    }

    /** Where {@code v} is in {@code frame}. */
    public static Location locate(DebugInfo info, Variable v, FrameContext frame) {
        VariableLocation loc = v.location();
        if (loc.kind() == VariableLocation.Kind.CONSTANT) {
            return new Location.Value(loc.constant().orElseThrow());
        }
        if (loc.kind() == VariableLocation.Kind.ERROR) {
            return new Location.Unavailable(loc.error().orElse("bad location"));
        }
        Optional<byte[]> expr = loc.expressionAt(frame.pc());
        if (expr.isEmpty()) {
            return new Location.OptimizedOut("no location at pc 0x" + Long.toHexString(frame.pc()));
        }
        Function f = v.isGlobal() ? null : info.functionAt(frame.pc()).orElse(null);
        try {
            return evaluate(info, expr.get(), frame, f, 0);
        } catch (AccessException | DwarfException e) {
            return new Location.Unavailable(e.getMessage());
        }
    }

    /** The value of {@code v} in {@code frame}. */
    public static Value value(DebugInfo info, Variable v, FrameContext frame) {
        return new Value(v.type(), locate(info, v, frame), frame.target());
    }

    private static Location evaluate(DebugInfo info, byte[] expr, FrameContext frame, Function f, int depth)
            throws AccessException {
        return LocationExpression.evaluate(expr, frame, frame.target().xlen() / 8, () -> frameBase(f, frame),
                reg -> entryValue(info, frame, reg, depth));
    }

    /** The value register {@code reg} had when the function of {@code frame} was entered. */
    private static long entryValue(DebugInfo info, FrameContext frame, int reg, int depth) throws AccessException {
        if (depth >= MAX_ENTRY_DEPTH) {
            throw new AccessException(reg, "entry values nested too deep");
        }
        FrameContext caller = frame.caller().get().orElseThrow(() -> new AccessException(reg, "caller unknown"));
        Function cf = info.functionAt(caller.pc()).orElseThrow(() -> new AccessException(reg, "caller has no "
                + "debug information"));
        byte[] expr = cf.callSiteReturningTo(caller.pc()).flatMap(cs -> cs.valueOf(reg)).orElseThrow(() ->
                new AccessException(reg, "the call site in " + cf.name() + " does not record register " + reg));
        Location l = evaluate(info, expr, caller, cf, depth + 1);
        return switch (l) {
            case Location.Memory m -> m.address();
            case Location.Register r -> caller.target().register(r.register());
            case Location.Value val -> LittleEndian.fromBytes(val.bytes());
            default -> throw new AccessException(reg, "entry value is " + l);
        };
    }

    static long frameBase(Function f, FrameContext frame) throws AccessException {
        if (f == null) {
            throw new AccessException(frame.pc(), "DW_OP_fbreg outside a function");
        }
        Optional<byte[]> expr = f.frameBase().expressionAt(frame.pc());
        if (expr.isEmpty()) {
            throw new AccessException(frame.pc(), "function " + f.name() + " has no frame base at pc 0x"
                    + Long.toHexString(frame.pc()));
        }
        Location base = LocationExpression.evaluate(expr.get(), frame, frame.target().xlen() / 8, () -> {
            throw new AccessException(frame.pc(), "frame base refers to itself");
        });
        return switch (base) {
            case Location.Memory m -> m.address();
            case Location.Register r -> frame.target().register(r.register());
            case Location.Value val -> LittleEndian.fromBytes(val.bytes());
            default -> throw new AccessException(frame.pc(), "frame base of " + f.name() + " is " + base);
        };
    }
}
