package dev.rewind.dap.handlers;

import dev.rewind.dap.Addresses;
import dev.rewind.dap.DapContext;
import dev.rewind.dap.DapErrors;
import dev.rewind.dap.Frame;
import dev.rewind.dap.source.Expressions;
import dev.rewind.dap.source.SourceFrame;
import dev.rewind.dap.source.Values;
import dev.rewind.debug.DebugSession;
import dev.rewind.debug.Register;
import dev.rewind.symbols.info.Value;
import org.eclipse.lsp4j.debug.SetExpressionArguments;
import org.eclipse.lsp4j.debug.SetExpressionResponse;
import org.eclipse.lsp4j.debug.Variable;

/**
 * {@code setExpression} (a watch edited in place): a register of the frame's hart ({@code $a0 = 5}), or a C lvalue
 * in the frame ({@code p->next->val}, {@code shapes[1].ncorners}); answers with the value read back.
 */
public final class SetExpressionHandler {

    private final DapContext context;

    public SetExpressionHandler(DapContext context) {
        this.context = context;
    }

    public SetExpressionResponse handle(SetExpressionArguments args) {
        String expr = args.getExpression() == null ? "" : args.getExpression().trim();
        if (expr.isEmpty() || args.getValue() == null || args.getValue().isBlank()) {
            throw DapErrors.badRequest("setExpression needs an expression and a value");
        }
        DebugSession s = context.stoppedSession();
        Frame frame = args.getFrameId() != null ? context.frame(args.getFrameId()) : null;
        int hart = frame != null ? frame.hart() : s.lastStop().hart();
        SetExpressionResponse r = new SetExpressionResponse();
        if (expr.startsWith("$")) {
            Register reg;
            try {
                reg = s.register(expr.substring(1));
            } catch (RuntimeException e) {
                throw DapErrors.badRequest("no register '" + expr.substring(1) + "'");
            }
            context.await(s.writeRegister(hart, reg, Addresses.parse(args.getValue().trim(), "value")));
            r.setValue(Addresses.hex(context.await(s.readRegister(hart, reg)), reg.bits()));
            r.setVariablesReference(0);
            return r;
        }
        if (context.sourceInfo() == null) {
            throw DapErrors.badRequest("cannot set '" + expr + "': the program has no debug information");
        }
        if (frame == null) {
            frame = context.unwinder().frames(context, hart, 1).get(0);
        }
        if (!(frame.unwound() instanceof SourceFrame sf)) {
            throw DapErrors.badRequest("cannot set '" + expr + "': no source frame there");
        }
        Value target = Expressions.evaluate(context, sf, context.sourceInfo(), expr);
        Expressions.assign(context, target, args.getValue(), sf.target());
        Variable v = Values.variable(context, expr, expr, Expressions.evaluate(context, sf, context.sourceInfo(), expr));
        r.setValue(v.getValue());
        r.setType(v.getType());
        r.setVariablesReference(v.getVariablesReference());
        r.setMemoryReference(v.getMemoryReference());
        return r;
    }
}
