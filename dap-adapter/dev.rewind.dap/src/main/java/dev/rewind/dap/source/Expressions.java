package dev.rewind.dap.source;

import dev.rewind.dap.DapContext;
import dev.rewind.dap.DapErrors;
import dev.rewind.symbols.expr.Evaluator;
import dev.rewind.symbols.expr.ExpressionException;
import dev.rewind.symbols.info.DebugInfo;
import dev.rewind.symbols.info.Value;
import dev.rewind.symbols.info.ValueException;

/** C expressions in a frame (symbols' evaluator): evaluate, assign; their errors as clear DAP errors. */
public final class Expressions {

    private Expressions() {
    }

    public static Evaluator evaluator(DapContext context, SourceFrame frame, DebugInfo info) {
        return new Evaluator(info, frame.context(), Values.symbolizer(context));
    }

    public static Value evaluate(DapContext context, SourceFrame frame, DebugInfo info, String text) {
        try {
            return evaluator(context, frame, info).evaluate(text);
        } catch (ExpressionException | ValueException e) {
            throw DapErrors.badRequest("cannot evaluate '" + text + "': " + e.getMessage());
        }
    }

    /** Assigns; a value in memory then gets a {@code memory} event for its bytes (a register's does not). */
    public static void assign(DapContext context, Value target, String text, SessionTarget writer) {
        assignOnly(context, target, text, writer);
        java.util.Optional<Long> address;
        try {
            address = target.address();
        } catch (RuntimeException e) {
            address = java.util.Optional.empty(); // in a register, or computed: no memory changed
        }
        address.ifPresent(a -> dev.rewind.dap.MemoryEvents.written(context, a, target.type().size()));
    }

    private static void assignOnly(DapContext context, Value target, String text, SessionTarget writer) {
        try {
            new Evaluator(context.sourceInfo(), dev.rewind.symbols.info.FrameContext.innermost(writer))
                    .assign(target, text, writer);
        } catch (ExpressionException | ValueException e) {
            throw DapErrors.badRequest("cannot set to '" + text + "': " + e.getMessage());
        } catch (dev.rewind.symbols.TargetAccess.AccessException e) {
            throw DapErrors.error(DapErrors.FAILED, "cannot read the target: " + e.getMessage());
        }
    }
}
