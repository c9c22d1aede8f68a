package dev.rewind.dap.handlers;

import dev.rewind.dap.Addresses;
import dev.rewind.dap.DapContext;
import dev.rewind.dap.DapErrors;
import dev.rewind.dap.Frame;
import dev.rewind.debug.DebugSession;
import dev.rewind.debug.MemoryRead;
import dev.rewind.debug.Register;
import dev.rewind.dap.ProgramSymbols;
import dev.rewind.symbols.elf.ElfSymbol;
import java.util.Optional;
import org.eclipse.lsp4j.debug.EvaluateArguments;
import org.eclipse.lsp4j.debug.EvaluateArgumentsContext;
import org.eclipse.lsp4j.debug.EvaluateResponse;

/**
 * {@code evaluate}: REPL commands in the Debug Console (see {@link ReplCommands}); registers ({@code $a0}) of the
 * frame's hart; numbers; symbols ({@code &sym} its address, {@code sym} the word there); {@code *ADDR}.
 */
public final class EvaluateHandler {

    private final DapContext context;
    private final ReplCommands repl;

    public EvaluateHandler(DapContext context) {
        this.context = context;
        this.repl = new ReplCommands(context);
    }

    public EvaluateResponse handle(EvaluateArguments args) {
        String expr = args.getExpression() == null ? "" : args.getExpression().trim();
        if (expr.isEmpty()) {
            throw DapErrors.badRequest("empty expression");
        }
        if (EvaluateArgumentsContext.REPL.equals(args.getContext())) {
            Optional<String> out = repl.run(expr);
            if (out.isPresent()) {
                return response(out.get(), null);
            }
        }
        DebugSession s = context.stoppedSession();
        int hart = args.getFrameId() == null ? s.lastStop().hart() : context.frame(args.getFrameId()).hart();
        if (expr.startsWith("$")) {
            Register r;
            try {
                r = s.register(expr.substring(1));
            } catch (RuntimeException e) {
                throw DapErrors.badRequest("no register '" + expr.substring(1) + "'");
            }
            long v = context.await(s.readRegister(hart, r));
            return response(Addresses.hex(v, r.bits()), "register " + r.name() + " of hart " + hart);
        }
        if (context.sourceInfo() != null) {
            EvaluateResponse r = context.inspecting(hart, () -> sourceLevel(args.getFrameId(), hart, expr));
            if (r != null) {
                return r;
            }
        }
        if (Addresses.isNumber(expr)) {
            long v = Addresses.parse(expr, "number");
            return response(v + " (" + Addresses.hex(v) + ")", null);
        }
        if (expr.startsWith("*")) {
            return word(s, Addresses.parse(expr.substring(1).trim(), "address"), expr);
        }
        boolean address = expr.startsWith("&");
        String name = address ? expr.substring(1).trim() : expr;
        ElfSymbol sym = context.symbols().named(name).orElseThrow(() -> DapErrors.badRequest(
                "cannot evaluate '" + expr + "': not a register ($a0), number, symbol or REPL command (help)"));
        if (address || ProgramSymbols.isFunction(sym)) {
            EvaluateResponse r = response(Addresses.hex(sym.value()), "&" + sym.name());
            r.setMemoryReference(Addresses.hex(sym.value()));
            return r;
        }
        return word(s, sym.value(), name);
    }

    /** A C expression in the frame (in one executor hop); null without a source frame there. */
    private EvaluateResponse sourceLevel(Integer frameId, int hart, String expr) {
        Frame frame = frameId != null ? context.frame(frameId) : context.unwinder().frames(context, hart, 1).get(0);
        if (!(frame.unwound() instanceof dev.rewind.dap.source.SourceFrame sf)) {
            return null;
        }
        dev.rewind.symbols.info.Value v = dev.rewind.dap.source.Expressions.evaluate(context, sf, context.sourceInfo(),
                expr);
        org.eclipse.lsp4j.debug.Variable var = dev.rewind.dap.source.Values.variable(context, expr, expr, v);
        EvaluateResponse r = response(var.getValue(), var.getType());
        r.setVariablesReference(var.getVariablesReference());
        r.setMemoryReference(var.getMemoryReference());
        return r;
    }

    private EvaluateResponse word(DebugSession s, long address, String what) {
        int size = s.xlen() / 8;
        MemoryRead m = context.await(s.readMemory(address, size));
        if (!m.complete()) {
            throw DapErrors.error(DapErrors.FAILED, "cannot read " + what + " at " + Addresses.hex(address)
                    + (m.error() == null ? "" : ": " + m.error()));
        }
        long v = 0;
        for (int i = size - 1; i >= 0; i--) {
            v = (v << 8) | (m.data()[i] & 0xff);
        }
        EvaluateResponse r = response(Addresses.hex(v, s.xlen()), "word at " + Addresses.hex(address));
        r.setMemoryReference(Addresses.hex(address));
        return r;
    }

    static EvaluateResponse response(String result, String type) {
        EvaluateResponse r = new EvaluateResponse();
        r.setResult(result);
        r.setType(type);
        r.setVariablesReference(0);
        return r;
    }
}
