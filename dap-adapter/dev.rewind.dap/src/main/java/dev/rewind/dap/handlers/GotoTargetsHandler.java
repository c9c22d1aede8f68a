package dev.rewind.dap.handlers;

import dev.rewind.dap.Addresses;
import dev.rewind.dap.DapContext;
import dev.rewind.dap.DapErrors;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.debug.GotoTarget;
import org.eclipse.lsp4j.debug.GotoTargetsArguments;
import org.eclipse.lsp4j.debug.GotoTargetsResponse;

/** {@code gotoTargets}: the code addresses of a source line, as targets to travel to in history. */
public final class GotoTargetsHandler {

    /** A goto target: an address of a line. */
    public record Target(long address, int line) {
    }

    private final DapContext context;

    public GotoTargetsHandler(DapContext context) {
        this.context = context;
    }

    public GotoTargetsResponse handle(GotoTargetsArguments args) {
        context.stoppedSession();
        if (args.getSource() == null || args.getSource().getPath() == null) {
            throw DapErrors.badRequest("gotoTargets needs a source with a path");
        }
        List<Long> addresses = context.lines().addresses(args.getSource().getPath(), args.getLine());
        if (addresses.isEmpty()) {
            throw DapErrors.badRequest("no code at " + args.getSource().getPath() + ":" + args.getLine());
        }
        List<GotoTarget> out = new ArrayList<>();
        for (long a : addresses) {
            GotoTarget t = new GotoTarget();
            t.setId(context.handles().put(new Target(a, args.getLine())));
            t.setLabel("line " + args.getLine() + " at " + Addresses.hex(a));
            t.setLine(args.getLine());
            t.setInstructionPointerReference(Addresses.hex(a));
            out.add(t);
        }
        GotoTargetsResponse r = new GotoTargetsResponse();
        r.setTargets(out.toArray(new GotoTarget[0]));
        return r;
    }
}
