package dev.rewind.eclipse.ui;

import dev.rewind.debug.Stop;
import dev.rewind.eclipse.core.breakpoints.RewindInstructionBreakpoint;
import dev.rewind.eclipse.core.breakpoints.RewindLineBreakpoint;
import dev.rewind.eclipse.core.breakpoints.RewindWatchpoint;
import dev.rewind.eclipse.core.model.RewindDebugTarget;
import dev.rewind.eclipse.core.model.RewindThread;
import java.nio.file.Path;
import org.eclipse.core.filesystem.EFS;
import org.eclipse.core.filesystem.IFileStore;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IValue;
import org.eclipse.debug.ui.IDebugModelPresentation;
import org.eclipse.debug.ui.IValueDetailListener;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.ide.FileStoreEditorInput;

/** Labels for harts, frames and breakpoints; source files open in the text editor. */
public final class RewindModelPresentation extends LabelProvider implements IDebugModelPresentation {

    public static final String EDITOR_ID = "org.eclipse.ui.DefaultTextEditor";

    @Override
    public void setAttribute(String attribute, Object value) {
        // no presentation attributes
    }

    @Override
    public Image getImage(Object element) {
        if (element instanceof RewindThread) {
            return RewindImages.get(RewindImages.HART);
        }
        return null;
    }

    @Override
    public String getText(Object element) {
        try {
            if (element instanceof RewindThread t) {
                return threadText(t);
            }
            if (element instanceof RewindDebugTarget t) {
                return t.getName() + (t.isTerminated() ? " <terminated>" : "");
            }
            if (element instanceof RewindLineBreakpoint b) {
                return Path.of(b.file()).getFileName() + " [line: " + b.line() + "]" + options(b.condition(),
                        b.hitCondition());
            }
            if (element instanceof RewindWatchpoint w) {
                return "watch " + w.global() + (w.isModification() ? " [write]" : "") + (w.isAccess() ? " [read]" : "");
            }
            if (element instanceof RewindInstructionBreakpoint b) {
                return "instruction at 0x" + Long.toHexString(b.address());
            }
        } catch (org.eclipse.core.runtime.CoreException e) {
            return element + " <" + e.getMessage() + ">";
        }
        return null;
    }

    private static String options(String condition, String hits) {
        return (condition == null ? "" : " if " + condition) + (hits == null ? "" : " hits " + hits);
    }

    private static String threadText(RewindThread t) {
        if (t.isTerminated()) {
            return t.getName() + " (terminated)";
        }
        if (!t.isSuspended()) {
            return t.getName() + (t.isStepping() ? " (stepping)" : " (running)");
        }
        Stop s = t.rewindTarget().lastStop();
        String why = s != null && s.hart() == t.hart() ? ": " + s.reason().name().toLowerCase().replace('_', ' ')
                + " at t=" + s.time() : "";
        return t.getName() + " (suspended" + why + ")";
    }

    @Override
    public void computeDetail(IValue value, IValueDetailListener listener) {
        try {
            listener.detailComputed(value, value.getValueString());
        } catch (DebugException e) {
            listener.detailComputed(value, "<" + e.getMessage() + ">");
        }
    }

    @Override
    public IEditorInput getEditorInput(Object element) {
        if (element instanceof IFileStore store) {
            return new FileStoreEditorInput(store);
        }
        if (element instanceof RewindLineBreakpoint b && !b.file().isEmpty() && Path.of(b.file()).isAbsolute()) {
            return new FileStoreEditorInput(EFS.getLocalFileSystem().getStore(Path.of(b.file()).toUri()));
        }
        return null;
    }

    @Override
    public String getEditorId(IEditorInput input, Object element) {
        return EDITOR_ID;
    }
}
