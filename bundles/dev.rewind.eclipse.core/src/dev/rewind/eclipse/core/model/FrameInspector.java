package dev.rewind.eclipse.core.model;

import dev.rewind.debug.HartAccess;
import dev.rewind.symbols.Backtrace;
import dev.rewind.symbols.Frame;
import dev.rewind.symbols.SourceLine;
import dev.rewind.symbols.Symbols;
import dev.rewind.symbols.expr.Evaluator;
import dev.rewind.symbols.info.Children;
import dev.rewind.symbols.info.FrameContext;
import dev.rewind.symbols.info.Value;
import dev.rewind.symbols.info.ValueFormat;
import dev.rewind.symbols.info.Variable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Frames and variables of a stopped hart, computed with the session's symbols inside
 * {@link dev.rewind.debug.DebugSession#inspect} (on the session's executor, without a round trip per register).
 */
public final class FrameInspector {

    static final int MAX_FRAMES = 64;
    static final int MAX_CHILDREN = 1000;
    static final int MAX_GLOBALS = 300;

    private final Symbols symbols;

    public FrameInspector(Symbols symbols) {
        this.symbols = symbols;
    }

    /** The hart's frames, innermost first; at least the pc's frame. */
    public List<FrameInfo> frames(HartAccess hart) throws Exception {
        Backtrace bt = symbols.backtrace(hart, MAX_FRAMES);
        List<FrameInfo> out = new ArrayList<>();
        for (Frame f : bt.frames()) {
            out.add(frame(f.level(), f.pc(), f.lookupPc(), f.cfa()));
        }
        if (out.isEmpty()) {
            out.add(frame(0, hart.pc(), hart.pc(), -1));
        }
        return out;
    }

    private FrameInfo frame(int level, long pc, long lookup, long cfa) {
        String fn = symbols.debugInfo().functionAt(lookup).map(f -> f.name())
                .or(() -> symbols.symbolAt(lookup).map(s -> s.name())).orElse(null);
        Optional<SourceLine> line = symbols.lineAt(lookup).filter(l -> l.line() > 0);
        return new FrameInfo(level, pc, lookup, cfa, fn, line.map(SourceLine::file).orElse(null),
                line.map(SourceLine::line).orElse(0));
    }

    /** The parameters and locals at frame {@code level} (innermost scope first), then the globals group. */
    public List<VarInfo> locals(HartAccess hart, int level) throws Exception {
        Backtrace bt = symbols.backtrace(hart, MAX_FRAMES);
        Evaluator ev = evaluator(bt, level, hart);
        long lookup = level < bt.frames().size() ? bt.frames().get(level).lookupPc() : hart.pc();
        List<VarInfo> out = new ArrayList<>();
        for (String name : names(symbols.debugInfo().variablesAt(lookup), Integer.MAX_VALUE)) {
            out.add(read(ev, name, name));
        }
        out.add(new VarInfo("Globals", VarInfo.GLOBALS, "", "", true));
        return out;
    }

    /** The children of the value of {@code expression} at frame {@code level}. */
    public List<VarInfo> children(HartAccess hart, int level, String expression) throws Exception {
        Backtrace bt = symbols.backtrace(hart, MAX_FRAMES);
        Evaluator ev = evaluator(bt, level, hart);
        List<VarInfo> out = new ArrayList<>();
        if (VarInfo.GLOBALS.equals(expression)) {
            for (String name : names(symbols.debugInfo().globals(), MAX_GLOBALS)) {
                out.add(read(ev, name, name));
            }
            return out;
        }
        Value parent = ev.evaluate(expression);
        for (Children.Child c : Children.of(parent, MAX_CHILDREN)) {
            out.add(info(c.name(), Children.expression(expression, c.name()), c.value()));
        }
        return out;
    }

    /** The value of an expression at frame {@code level}, as gdb prints it. */
    public VarInfo evaluate(HartAccess hart, int level, String expression) throws Exception {
        return read(evaluator(symbols.backtrace(hart, MAX_FRAMES), level, hart), expression, expression);
    }

    /** Where the value of {@code expression} lives in memory: its address and size in bytes. */
    public long[] lvalue(HartAccess hart, int level, String expression) throws Exception {
        Value v = evaluator(symbols.backtrace(hart, MAX_FRAMES), level, hart).evaluate(expression);
        long address = v.address().orElseThrow(() -> new IllegalArgumentException(expression + " is not in memory"));
        return new long[] {address, Math.max(1, v.type().size())};
    }

    private Evaluator evaluator(Backtrace bt, int level, HartAccess hart) throws Exception {
        FrameContext fc = level < bt.frames().size() ? FrameContext.of(bt, level, hart) : FrameContext.innermost(hart);
        return new Evaluator(symbols.debugInfo(), fc, symbolizer());
    }

    private VarInfo read(Evaluator ev, String name, String expression) {
        try {
            return info(name, expression, ev.evaluate(expression));
        } catch (RuntimeException e) {
            return new VarInfo(name, expression, "", "<" + e.getMessage() + ">", false);
        }
    }

    private VarInfo info(String name, String expression, Value v) {
        String text;
        try {
            text = ValueFormat.format(v, symbolizer());
        } catch (RuntimeException e) {
            text = "<error: " + e.getMessage() + ">";
        }
        return new VarInfo(name, expression, v.type().name(), text, Children.expandable(v));
    }

    private ValueFormat.Symbolizer symbolizer() {
        return a -> symbols.symbolAt(a).map(s -> a == s.value() ? s.name() : s.name() + "+" + (a - s.value()));
    }

    private static List<String> names(List<Variable> vars, int max) {
        Set<String> names = new LinkedHashSet<>();
        for (Variable v : vars) {
            if (v.name() != null && names.size() < max) {
                names.add(v.name());
            }
        }
        return new ArrayList<>(names);
    }
}
