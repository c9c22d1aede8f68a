package dev.rewind.dap.handlers;

import dev.rewind.dap.BreakpointBook;
import dev.rewind.dap.Breakpoints;
import dev.rewind.dap.DapContext;
import dev.rewind.dap.DapErrors;
import dev.rewind.debug.BreakpointSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.debug.SetBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetBreakpointsResponse;
import org.eclipse.lsp4j.debug.SourceBreakpoint;

/** {@code setBreakpoints}: the line breakpoints of one source (conditions, hit counts, log points), resolved by the session's symbols. */
public final class SetBreakpointsHandler {

    private final DapContext context;

    public SetBreakpointsHandler(DapContext context) {
        this.context = context;
    }

    public SetBreakpointsResponse handle(SetBreakpointsArguments args) {
        context.session();
        if (args.getSource() == null || (args.getSource().getPath() == null && args.getSource().getName() == null)) {
            throw DapErrors.badRequest("setBreakpoints needs a source with a path");
        }
        String file = args.getSource().getPath() != null ? args.getSource().getPath() : args.getSource().getName();
        String key = Path.of(file).toAbsolutePath().normalize().toString();
        List<BreakpointSpec> specs = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        SourceBreakpoint[] bps = args.getBreakpoints() == null ? new SourceBreakpoint[0] : args.getBreakpoints();
        int[] lines = new int[bps.length];
        for (int i = 0; i < bps.length; i++) {
            SourceBreakpoint b = bps[i];
            BreakpointSpec where = BreakpointSpec.line(key, b.getLine());
            if (context.source() != null) {
                // resolved here with the program's line tables: the first line at or after it that has code
                var at = context.source().lineBreakpoint(key, b.getLine());
                if (at.isEmpty()) {
                    specs.add(null);
                    errors.add("no code at or after line " + b.getLine() + " of " + file);
                    continue;
                }
                where = BreakpointSpec.instruction(at.get()[0]);
                lines[i] = (int) at.get()[1];
            }
            specs.add(where.withCondition(b.getCondition()).withHitCondition(b.getHitCondition())
                    .withLogMessage(b.getLogMessage()));
            errors.add(null);
        }
        var result = Breakpoints.replace(context, BreakpointBook.Kind.SOURCE, key, specs, errors);
        for (int i = 0; i < result.size(); i++) {
            if (lines[i] > 0 && result.get(i).isVerified()) {
                result.get(i).setSource(args.getSource());
                result.get(i).setLine(lines[i]);
            }
        }
        SetBreakpointsResponse r = new SetBreakpointsResponse();
        r.setBreakpoints(result.toArray(new org.eclipse.lsp4j.debug.Breakpoint[0]));
        return r;
    }
}
