package dev.rewind.debug.internal;

import dev.rewind.debug.BreakpointSpec;
import dev.rewind.symbols.LineAddresses;
import dev.rewind.symbols.Symbols;
import dev.rewind.symbols.TargetAccess;
import dev.rewind.symbols.expr.Evaluator;
import dev.rewind.symbols.info.CompileUnit;
import dev.rewind.symbols.info.FrameContext;
import java.util.List;
import java.util.Optional;

/**
 * What the services take from the program's symbols: function and source-line breakpoints, and expressions for
 * breakpoint conditions and log messages (evaluated in the innermost frame of the hart that hit).
 */
final class SymbolSupport implements Breakpoints.Resolver, Conditions.Evaluator {
    private final Symbols symbols;
    private final Context ctx;

    SymbolSupport(Symbols symbols, Context ctx) {
        this.symbols = symbols;
        this.ctx = ctx;
    }

    @Override
    public Breakpoints.Resolution resolve(BreakpointSpec spec) {
        if (spec.kind() == BreakpointSpec.Kind.FUNCTION) {
            Optional<Long> entry = symbols.breakpointAddress(spec.function(), false);
            if (entry.isEmpty()) {
                return new Breakpoints.Resolution(List.of(), null, 0, "no function '" + spec.function() + "'");
            }
            long at = symbols.breakpointAddress(spec.function(), !optimised(entry.get())).orElseThrow();
            var line = symbols.lineAt(at);
            return new Breakpoints.Resolution(List.of(at), line.map(l -> l.file()).orElse(null),
                    line.map(l -> l.line()).orElse(0), null);
        }
        Optional<LineAddresses> where = symbols.addressesOf(spec.file(), spec.line());
        if (where.isEmpty() || where.get().addresses().isEmpty()) {
            return new Breakpoints.Resolution(List.of(), null, 0, "no code at " + spec.file() + ":" + spec.line()
                    + (symbols.hasLines() ? "" : " (the program has no line information)"));
        }
        LineAddresses la = where.get();
        return new Breakpoints.Resolution(la.addresses(), la.file(), la.line(), null);
    }

    /** gdb skips prologues only in unoptimised units: there variables are valid only after the prologue. */
    private boolean optimised(long pc) {
        Optional<CompileUnit> unit = symbols.debugInfo().unitAt(pc);
        String producer = unit.map(CompileUnit::producer).orElse("");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s-O(\\S*)").matcher(producer);
        String level = "0";
        while (m.find()) {
            level = m.group(1); // the last -O wins, as in GCC
        }
        return !level.equals("0");
    }

    @Override
    public long evaluate(int hart, String expression) {
        return evaluator(hart).test(expression) ? 1 : 0;
    }

    @Override
    public String format(int hart, String expression) {
        return evaluator(hart).print(expression);
    }

    private Evaluator evaluator(int hart) {
        TargetAccess access = new Hart(ctx, hart);
        return new Evaluator(symbols.debugInfo(), FrameContext.of(symbols.backtrace(access), 0, access));
    }
}
