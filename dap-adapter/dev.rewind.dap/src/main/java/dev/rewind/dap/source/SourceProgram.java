package dev.rewind.dap.source;

import dev.rewind.dap.DapContext;
import dev.rewind.dap.Frame;
import dev.rewind.dap.LineInfo;
import dev.rewind.dap.Unwinder;
import dev.rewind.symbols.Backtrace;
import dev.rewind.symbols.SourceLine;
import dev.rewind.symbols.Symbols;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.debug.DisassembledInstruction;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.StackFrame;

/**
 * The program's DWARF as the adapter uses it: line tables for stepping and source positions, call frame
 * information for stack traces (frames carry their {@link SourceFrame} for variables and expressions).
 */
public final class SourceProgram implements LineInfo, Unwinder {

    private final Symbols symbols;
    /** DWARF file name -> the file found for it (the folders looked in do not change after the launch). */
    private final java.util.Map<String, String> found = new java.util.concurrent.ConcurrentHashMap<>();

    public SourceProgram(Symbols symbols) {
        this.symbols = symbols;
    }

    public Symbols symbols() {
        return symbols;
    }

    @Override
    public Optional<long[]> lineRange(long pc) {
        return symbols.lineAt(pc).filter(l -> l.line() > 0).map(l -> new long[] {l.lo(), l.hi()});
    }

    @Override
    public void placeFrame(DapContext context, StackFrame sf, Frame f) {
        long lookup = f.unwound() instanceof SourceFrame s ? s.lookupPc() : f.pc();
        Optional<SourceLine> line = symbols.lineAt(lookup).filter(l -> l.line() > 0);
        if (line.isEmpty()) {
            LineInfo.super.placeFrame(context, sf, f);
            return;
        }
        sf.setSource(source(context, line.get().file()));
        sf.setLine(line.get().line());
        sf.setColumn(Math.max(1, line.get().column()));
    }

    @Override
    public void placeInstruction(DapContext context, DisassembledInstruction d, long address) {
        symbols.lineAt(address).filter(l -> l.line() > 0).ifPresent(l -> {
            d.setLocation(source(context, l.file()));
            d.setLine(l.line());
        });
    }

    @Override
    public List<Long> addresses(String file, int line) {
        return symbols.addressesOf(file, line).map(la -> la.addresses()).orElse(List.of());
    }

    /** Where a breakpoint on {@code file:line} goes: the line that has code (at or after it) and its address. */
    public Optional<long[]> lineBreakpoint(String file, int line) {
        return symbols.addressesOf(file, line).filter(la -> !la.addresses().isEmpty())
                .map(la -> new long[] {la.addresses().get(0), la.line()});
    }

    public static Source source(DapContext context, String dwarfPath) {
        SourceProgram program = context.source();
        Source s = new Source();
        s.setName(Path.of(dwarfPath).getFileName().toString());
        s.setPath(program == null ? find(context, dwarfPath) : program.found.computeIfAbsent(dwarfPath,
                d -> find(context, d)));
        return s;
    }

    private static String find(DapContext context, String dwarfPath) {
        List<Path> dirs = new ArrayList<>();
        for (String d : context.sourceDirectories()) {
            dirs.add(Path.of(d));
        }
        if (context.hasSession()) {
            Path dir = context.sessionOrNull().program().toAbsolutePath().getParent();
            for (int up = 0; dir != null && up < 4; up++, dir = dir.getParent()) {
                dirs.add(dir);
            }
        }
        return Symbols.resolveSource(dwarfPath, dirs).map(p -> p.toAbsolutePath().normalize().toString())
                .orElse(dwarfPath);
    }

    @Override
    public List<Frame> frames(DapContext context, int hart, int max) {
        SessionTarget target = new SessionTarget(context, hart);
        Backtrace bt;
        try {
            bt = symbols.backtrace(target, Math.max(1, max));
        } catch (RuntimeException e) {
            System.err.println("rewind dap: unwinding hart " + hart + " failed: " + e.getMessage());
            return new dev.rewind.dap.PcUnwinder().frames(context, hart, max);
        }
        if (bt.frames().isEmpty()) {
            return new dev.rewind.dap.PcUnwinder().frames(context, hart, max);
        }
        List<Frame> out = new ArrayList<>();
        List<dev.rewind.symbols.Frame> frames = bt.frames();
        for (int i = 0; i < frames.size() && i < max; i++) {
            dev.rewind.symbols.Frame f = frames.get(i);
            long sp = f.register(2).orElse(-1);
            out.add(new Frame(hart, i, f.pc(), sp, f.cfa(), i == 0 ? -1 : f.pc(), new SourceFrame(bt, i, target)));
        }
        return out;
    }
}
