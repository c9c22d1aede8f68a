package dev.rewind.eclipse.ui.views;

import dev.rewind.debug.Breakpoint;
import dev.rewind.debug.Instruction;
import dev.rewind.eclipse.core.breakpoints.RewindInstructionBreakpoint;
import dev.rewind.eclipse.core.model.RewindDebugTarget;
import dev.rewind.eclipse.core.model.RewindThread;
import dev.rewind.eclipse.ui.RewindContext;
import dev.rewind.symbols.Symbols;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/**
 * Instructions around the selected hart's pc: from the start of its function (or a little before the pc), with the
 * source line each one belongs to and the breakpoints set on them. Double-click toggles an instruction breakpoint.
 */
public final class DisassemblyView extends RewindView {

    public static final String ID = "dev.rewind.eclipse.ui.disassembly";
    static final int COUNT = 48;
    static final long BEFORE = 64;

    /** One shown row. */
    public record Row(long address, String text, String source, boolean breakpoint, boolean pc) {
    }

    private Table table;
    private volatile List<Row> rows = List.of();

    @Override
    public void createPartControl(Composite parent) {
        table = new Table(parent, SWT.FULL_SELECTION | SWT.SINGLE | SWT.BORDER);
        table.setHeaderVisible(true);
        column("", 30);
        column("Address", 110);
        column("Instruction", 260);
        column("Source", 220);
        table.addListener(SWT.DefaultSelection, e -> {
            if (e.item instanceof TableItem item && item.getData() instanceof Row r) {
                addInstructionBreakpoint(r.address());
            }
        });
        hookListeners();
    }

    private void column(String title, int width) {
        TableColumn c = new TableColumn(table, SWT.NONE);
        c.setText(title);
        c.setWidth(width);
    }

    public List<Row> rows() {
        return rows;
    }

    private void addInstructionBreakpoint(long address) {
        try {
            DebugPlugin.getDefault().getBreakpointManager().addBreakpoint(
                    new RewindInstructionBreakpoint(ResourcesPlugin.getWorkspace().getRoot(), address));
        } catch (CoreException e) {
            warn("adding an instruction breakpoint at 0x" + Long.toHexString(address), e);
        }
    }

    @Override
    protected Control control() {
        return table;
    }

    @Override
    protected void refresh(RewindDebugTarget t) {
        if (t == null || !t.isSuspended()) {
            return;
        }
        RewindThread thread = RewindContext.thread().filter(th -> th.getDebugTarget() == t).orElse(t.thread(0));
        var s = t.session();
        Symbols syms = t.symbolsIfAny().orElse(null);
        s.readRegister(thread.hart(), s.register("pc")).thenCompose(pc -> {
            long start = syms == null ? pc : syms.symbolAt(pc).map(f -> f.value())
                    .filter(a -> pc - a <= BEFORE * 4).orElse(pc);
            CompletableFuture<List<Instruction>> insns = s.disassemble(start, COUNT);
            return insns.thenCombine(s.breakpoints(), (list, bps) -> rows(list, bps, pc, syms));
        }).thenAccept(r -> ui(() -> show(r))).exceptionally(e -> {
            warn("disassembling", e);
            return null;
        });
    }

    private static List<Row> rows(List<Instruction> list, List<Breakpoint> bps, long pc, Symbols syms) {
        Set<Long> at = new HashSet<>();
        bps.forEach(b -> at.addAll(b.addresses()));
        return list.stream().map(i -> new Row(i.address(), i.text(), source(syms, i.address()), at.contains(i.address()),
                i.address() == pc)).toList();
    }

    private static String source(Symbols syms, long address) {
        if (syms == null) {
            return "";
        }
        return syms.lineAt(address).filter(l -> l.line() > 0 && l.address() == address)
                .map(l -> Path.of(l.file()).getFileName() + ":" + l.line()).orElse("");
    }

    private void show(List<Row> r) {
        rows = r;
        table.removeAll();
        for (Row row : r) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setData(row);
            item.setText(new String[] {(row.pc() ? "=>" : "") + (row.breakpoint() ? "●" : ""),
                "0x" + Long.toHexString(row.address()), row.text(), row.source()});
            if (row.pc()) {
                item.setBackground(table.getDisplay().getSystemColor(SWT.COLOR_INFO_BACKGROUND));
                table.showItem(item);
            }
        }
    }

    @Override
    public void setFocus() {
        table.setFocus();
    }
}
