package dev.rewind.eclipse.ui;

import java.util.Set;
import org.eclipse.debug.ui.actions.IToggleBreakpointsTarget;
import org.eclipse.debug.ui.actions.IToggleBreakpointsTargetFactory;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.texteditor.ITextEditor;

/** Offers Rewind's breakpoints in text editors of C, C++ and assembly files. */
public final class ToggleBreakpointsFactory implements IToggleBreakpointsTargetFactory {

    public static final String ID = "dev.rewind.eclipse.ui.toggleBreakpoints";

    @Override
    public Set<String> getToggleTargets(IWorkbenchPart part, ISelection selection) {
        return part instanceof ITextEditor e && RewindToggleTarget.isSource(RewindToggleTarget.path(e)) ? Set.of(ID)
                : Set.of();
    }

    @Override
    public String getDefaultToggleTarget(IWorkbenchPart part, ISelection selection) {
        return getToggleTargets(part, selection).isEmpty() ? null : ID;
    }

    @Override
    public IToggleBreakpointsTarget createToggleTarget(String targetID) {
        return ID.equals(targetID) ? new RewindToggleTarget() : null;
    }

    @Override
    public String getToggleTargetName(String targetID) {
        return "Rewind Breakpoints";
    }

    @Override
    public String getToggleTargetDescription(String targetID) {
        return "Line breakpoints and watchpoints of Rewind's RISC-V debugger";
    }
}
