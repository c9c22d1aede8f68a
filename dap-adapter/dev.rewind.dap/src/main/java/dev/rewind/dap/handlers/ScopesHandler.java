package dev.rewind.dap.handlers;

import dev.rewind.dap.DapContext;
import dev.rewind.dap.Frame;
import dev.rewind.dap.RegisterScope;
import dev.rewind.debug.Register;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.debug.Scope;
import org.eclipse.lsp4j.debug.ScopePresentationHint;
import org.eclipse.lsp4j.debug.ScopesArguments;
import org.eclipse.lsp4j.debug.ScopesResponse;

/** {@code scopes}: Locals and Globals (with debug information), Registers (x0..x31 and pc of the frame's hart), CSRs. */
public final class ScopesHandler {

    private final DapContext context;

    public ScopesHandler(DapContext context) {
        this.context = context;
    }

    /** The key of a frame's scopes among the answers kept at a stop. */
    public static String key(int frameId) {
        return "scopes " + frameId;
    }

    public ScopesResponse handle(ScopesArguments args) {
        context.stoppedSession();
        Frame frame = context.frame(args.getFrameId());
        ScopesResponse kept = context.handles().answer(key(args.getFrameId()), ScopesResponse.class);
        if (kept != null) {
            return kept;
        }
        long generation = context.handles().generation();
        ScopesResponse r = scopes(frame);
        context.handles().keep(key(args.getFrameId()), generation, r);
        return r;
    }

    /** The scopes of {@code frame}, Locals first when it has debug information (new references). */
    public ScopesResponse scopes(Frame frame) {
        List<Scope> scopes = new ArrayList<>();
        if (frame.unwound() instanceof dev.rewind.dap.source.SourceFrame sf && context.sourceInfo() != null) {
            var info = context.sourceInfo();
            var locals = new dev.rewind.dap.source.LocalsScope(sf, info, false);
            scopes.add(variableScope("Locals", ScopePresentationHint.LOCALS, locals, false));
            scopes.add(variableScope("Globals", "globals", new dev.rewind.dap.source.LocalsScope(sf, info, true), true));
        }
        scopes.add(scope("Registers", new RegisterScope(frame.hart(), List.of(Register.Kind.GENERAL, Register.Kind.PC)),
                33, false));
        RegisterScope csrs = new RegisterScope(frame.hart(), List.of(Register.Kind.CSR));
        scopes.add(scope("CSRs", csrs, csrs.registers(context.session()).size(), true));
        ScopesResponse r = new ScopesResponse();
        r.setScopes(scopes.toArray(new Scope[0]));
        return r;
    }

    private Scope variableScope(String name, String hint, Object container, boolean expensive) {
        Scope s = new Scope();
        s.setName(name);
        s.setPresentationHint(hint);
        s.setVariablesReference(context.handles().put(container));
        s.setExpensive(expensive);
        return s;
    }

    private Scope scope(String name, Object container, int count, boolean expensive) {
        Scope s = new Scope();
        s.setName(name);
        s.setPresentationHint(ScopePresentationHint.REGISTERS);
        s.setVariablesReference(context.handles().put(container));
        s.setNamedVariables(count);
        s.setExpensive(expensive);
        return s;
    }
}
