package dev.rewind.eclipse.ui;

import dev.rewind.eclipse.core.RewindDebug;
import dev.rewind.eclipse.core.breakpoints.RewindLineBreakpoint;
import dev.rewind.eclipse.core.breakpoints.RewindWatchpoint;
import java.net.URI;
import java.nio.file.Path;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IBreakpointManager;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.ui.actions.IToggleBreakpointsTarget;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IURIEditorInput;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.texteditor.ITextEditor;

/** Toggles Rewind line breakpoints (by file path and line) and watchpoints on a selected global. */
public final class RewindToggleTarget implements IToggleBreakpointsTarget {

    static boolean isSource(Path p) {
        if (p == null) {
            return false;
        }
        String n = p.getFileName().toString().toLowerCase();
        return n.endsWith(".c") || n.endsWith(".h") || n.endsWith(".s") || n.endsWith(".cpp") || n.endsWith(".cc")
                || n.endsWith(".hpp") || n.endsWith(".cxx");
    }

    /** The local file an editor shows, or null. */
    static Path path(ITextEditor editor) {
        IEditorInput in = editor.getEditorInput();
        if (in instanceof IFileEditorInput f && f.getFile().getLocation() != null) {
            return f.getFile().getLocation().toFile().toPath();
        }
        if (in instanceof IURIEditorInput u) {
            URI uri = u.getURI();
            return uri != null && "file".equals(uri.getScheme()) ? Path.of(uri) : null;
        }
        return null;
    }

    private static IResource resource(ITextEditor editor) {
        return editor.getEditorInput() instanceof IFileEditorInput f ? f.getFile()
                : ResourcesPlugin.getWorkspace().getRoot();
    }

    @Override
    public void toggleLineBreakpoints(IWorkbenchPart part, ISelection selection) throws CoreException {
        if (!(part instanceof ITextEditor editor) || !(selection instanceof ITextSelection text)) {
            return;
        }
        Path file = path(editor);
        int line = text.getStartLine() + 1;
        IBreakpointManager mgr = DebugPlugin.getDefault().getBreakpointManager();
        for (IBreakpoint b : mgr.getBreakpoints(RewindDebug.MODEL_ID)) {
            if (b instanceof RewindLineBreakpoint l && l.line() == line && Path.of(l.file()).equals(file)) {
                mgr.removeBreakpoint(b, true);
                return;
            }
        }
        mgr.addBreakpoint(new RewindLineBreakpoint(resource(editor), file.toString(), line));
    }

    @Override
    public boolean canToggleLineBreakpoints(IWorkbenchPart part, ISelection selection) {
        return part instanceof ITextEditor e && isSource(path(e)) && selection instanceof ITextSelection;
    }

    @Override
    public void toggleMethodBreakpoints(IWorkbenchPart part, ISelection selection) {
        // function breakpoints are line breakpoints on the function's first line
    }

    @Override
    public boolean canToggleMethodBreakpoints(IWorkbenchPart part, ISelection selection) {
        return false;
    }

    @Override
    public void toggleWatchpoints(IWorkbenchPart part, ISelection selection) throws CoreException {
        if (!(selection instanceof ITextSelection t) || t.getText() == null || t.getText().isBlank()) {
            return;
        }
        String global = t.getText().trim();
        IBreakpointManager mgr = DebugPlugin.getDefault().getBreakpointManager();
        for (IBreakpoint b : mgr.getBreakpoints(RewindDebug.MODEL_ID)) {
            if (b instanceof RewindWatchpoint w && w.global().equals(global)) {
                mgr.removeBreakpoint(b, true);
                return;
            }
        }
        mgr.addBreakpoint(new RewindWatchpoint(ResourcesPlugin.getWorkspace().getRoot(), global, false, true));
    }

    @Override
    public boolean canToggleWatchpoints(IWorkbenchPart part, ISelection selection) {
        return selection instanceof ITextSelection t && t.getText() != null
                && t.getText().trim().matches("[A-Za-z_][A-Za-z0-9_]*");
    }
}
