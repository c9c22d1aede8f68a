package dev.rewind.symbols.info;

import dev.rewind.symbols.TargetAccess.AccessException;
import dev.rewind.symbols.dwarf.DwarfException;
import java.util.Optional;

/** Evaluates variables' locations in a frame. Never throws: failures become unavailable locations. */
public final class Locator {
    private Locator() {
    }

    /**
     * Where {@code v} is in {@code frame}; {@code function} supplies the frame base for DW_OP_fbreg (null for a
     * global).
     */
    public static Location locate(Variable v, FrameContext frame, Function function) {
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
        int addressSize = frame.target().xlen() / 8;
        try {
            return LocationExpression.evaluate(expr.get(), frame, addressSize, () -> frameBase(function, frame));
        } catch (AccessException | DwarfException e) {
            return new Location.Unavailable(e.getMessage());
        }
    }

    /** The value of {@code v} in {@code frame}. */
    public static Value value(Variable v, FrameContext frame, Function function) {
        return new Value(v.type(), locate(v, frame, function), frame.target());
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
            case Location.Value val -> LocationExpression.fromBytes(val.bytes());
            default -> throw new AccessException(frame.pc(), "frame base of " + f.name() + " is " + base);
        };
    }
}
