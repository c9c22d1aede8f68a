package dev.rewind.eclipse.ui.commands;

import dev.rewind.eclipse.core.model.RewindStackFrame;
import dev.rewind.eclipse.core.model.RewindThread;
import dev.rewind.eclipse.core.model.RewindVariable;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.window.Window;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * Reverse to Last Write: back to just after the last store (by any hart) into the selected variable, or into an
 * lvalue the user types (a global, {@code p->next}, ...), evaluated in the selected frame.
 */
public final class ReverseToLastWriteHandler extends ReverseHandler {

    public static final String COMMAND = "dev.rewind.eclipse.ui.reverseToLastWrite";

    @Override
    protected ReverseJob job(ExecutionEvent event, RewindThread thread) {
        String expression = null;
        if (HandlerUtil.getCurrentSelection(event) instanceof IStructuredSelection s
                && s.getFirstElement() instanceof RewindVariable v && v.info().expression() != null) {
            expression = v.info().expression();
        }
        if (expression == null) {
            InputDialog d = new InputDialog(HandlerUtil.getActiveShell(event), "Reverse to Last Write",
                    "Go back to the last write into (a global or an lvalue of the selected frame):", "", null);
            if (d.open() != Window.OK || d.getValue().isBlank()) {
                return null;
            }
            expression = d.getValue().trim();
        }
        RewindStackFrame selected = DebugUITools.getDebugContext() instanceof RewindStackFrame f ? f : null;
        return job(thread, selected, expression);
    }

    /** The job for an lvalue in a frame (the hart's top frame when {@code frame} is null). */
    public static ReverseJob job(RewindThread thread, RewindStackFrame frame, String expression) {
        return new ReverseJob("Reverse to last write of " + expression, thread.rewindTarget(), () -> {
            RewindStackFrame f = frame != null ? frame : (RewindStackFrame) thread.getTopStackFrame();
            long[] where = f.lvalue(expression);
            return thread.rewindTarget().stepper().reverseToLastWrite(thread, where[0], where[1]);
        });
    }
}
