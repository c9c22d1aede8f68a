package dev.rewind.eclipse.tests;

import dev.rewind.eclipse.core.RewindDebug;
import dev.rewind.eclipse.core.breakpoints.RewindLineBreakpoint;
import dev.rewind.eclipse.ui.RewindToggleTarget;
import org.eclipse.core.filesystem.EFS;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.ide.FileStoreEditorInput;
import org.eclipse.ui.texteditor.ITextEditor;
import dev.rewind.eclipse.core.launch.LaunchAttributes;
import dev.rewind.eclipse.core.model.RewindDebugTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;

/** The workbench side of the tests: perspective, views, launching a configuration in a job, cleaning up. */
final class Workbench {

    private Workbench() {
    }

    static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    /** Debug perspective, no intro, no prompts to switch perspectives. */
    static void prepare() throws Exception {
        var wb = PlatformUI.getWorkbench();
        if (wb.getIntroManager().getIntro() != null) {
            wb.getIntroManager().closeIntro(wb.getIntroManager().getIntro());
        }
        DebugUITools.getPreferenceStore().setValue("org.eclipse.debug.ui.switch_perspective_on_suspend", "never");
        DebugUITools.getPreferenceStore().setValue("org.eclipse.debug.ui.switch_to_perspective", "never");
        wb.showPerspective("org.eclipse.debug.ui.DebugPerspective", wb.getActiveWorkbenchWindow());
        wb.getActiveWorkbenchWindow().getShell().setBounds(0, 0, 1400, 900);
    }

    static <T extends IViewPart> T show(String id, Class<T> type) throws Exception {
        return type.cast(page().showView(id));
    }

    /** A launch configuration for the demo (or another guest) with the tests/guest sources. */
    static ILaunchConfigurationWorkingCopy configuration(String name, Path elf, int harts) throws CoreException {
        ILaunchManager m = DebugPlugin.getDefault().getLaunchManager();
        ILaunchConfigurationType type = m.getLaunchConfigurationType(RewindDebug.LAUNCH_TYPE);
        ILaunchConfigurationWorkingCopy wc = type.newInstance(null, name);
        LaunchAttributes.setDefaults(wc);
        wc.setAttribute(LaunchAttributes.PROGRAM, elf.toString());
        wc.setAttribute(LaunchAttributes.HARTS, harts);
        wc.setAttribute(LaunchAttributes.SOURCE_DIRECTORIES, List.of(Ui.root().resolve("tests/guest").toString()));
        return wc;
    }

    /** Launches in a job (as the launch dialog does) and waits with the display loop for the Rewind target. */
    static RewindDebugTarget launch(ILaunchConfigurationWorkingCopy wc) {
        AtomicReference<ILaunch> launch = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Job job = Job.create("launch " + wc.getName(), monitor -> {
            try {
                launch.set(wc.launch(ILaunchManager.DEBUG_MODE, monitor));
            } catch (CoreException | RuntimeException e) {
                failure.set(e);
            }
            return Status.OK_STATUS;
        });
        job.schedule();
        Ui.waitFor("the launch of " + wc.getName(), Duration.ofSeconds(90),
                () -> launch.get() != null || failure.get() != null);
        if (failure.get() != null) {
            throw new AssertionError("launch failed: " + failure.get(), failure.get());
        }
        for (IDebugTarget t : launch.get().getDebugTargets()) {
            if (t instanceof RewindDebugTarget r) {
                return r;
            }
        }
        throw new AssertionError("the launch has no Rewind debug target");
    }

    /** Toggles a line breakpoint in the C editor, as Run > Toggle Breakpoint does, and returns it. */
    static RewindLineBreakpoint toggleLineBreakpoint(Path source, int line) throws Exception {
        ITextEditor editor = (ITextEditor) page().openEditor(new FileStoreEditorInput(
                EFS.getLocalFileSystem().getStore(source.toUri())), "org.eclipse.ui.DefaultTextEditor");
        IDocument doc = editor.getDocumentProvider().getDocument(editor.getEditorInput());
        editor.selectAndReveal(doc.getLineOffset(line - 1), 0);
        RewindToggleTarget toggle = new RewindToggleTarget();
        if (!toggle.canToggleLineBreakpoints(editor, editor.getSelectionProvider().getSelection())) {
            throw new AssertionError("cannot toggle a line breakpoint at " + source + ":" + line);
        }
        toggle.toggleLineBreakpoints(editor, editor.getSelectionProvider().getSelection());
        return java.util.Arrays.stream(DebugPlugin.getDefault().getBreakpointManager().getBreakpoints(
                RewindDebug.MODEL_ID)).filter(b -> b instanceof RewindLineBreakpoint l && l.line() == line)
                .map(RewindLineBreakpoint.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no line breakpoint at " + source + ":" + line));
    }

    static void add(IBreakpoint b) throws CoreException {
        DebugPlugin.getDefault().getBreakpointManager().addBreakpoint(b);
    }

    /** Removes every Rewind breakpoint. */
    static void removeBreakpoints() throws CoreException {
        var mgr = DebugPlugin.getDefault().getBreakpointManager();
        mgr.removeBreakpoints(mgr.getBreakpoints(RewindDebug.MODEL_ID), true);
    }

    static IStatus noStatus() {
        return Status.OK_STATUS;
    }

    static org.eclipse.core.resources.IWorkspaceRoot root() {
        return ResourcesPlugin.getWorkspace().getRoot();
    }
}
