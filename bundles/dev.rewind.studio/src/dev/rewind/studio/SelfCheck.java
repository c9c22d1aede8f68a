package dev.rewind.studio;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtension;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The installation self-check: what of Rewind this running workbench has (its bundles and their states, its launch
 * configuration types and configurations, its views, each opened once), written one fact a line to a report file;
 * then the workbench closes. The installation test reads the report; the file ends with {@code end} when the check
 * ran to its end.
 */
final class SelfCheck {

    /** System property naming the report file. */
    static final String PROPERTY = "rewind.studio.check";
    /** System property naming a PNG file for a screenshot of the workbench window after the check. */
    static final String SCREENSHOT = "rewind.studio.screenshot";

    private static final String PREFIX = "dev.rewind.";

    private final Path report;
    private final List<String> lines = new ArrayList<>();

    SelfCheck(Path report) {
        this.report = report;
    }

    /** Collects the facts (a debug run of the demo on this thread, views on the UI thread), writes the report and
     * closes the workbench. */
    void runAndClose() {
        lines.add("windowUpMs\t" + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
        lines.add(DemoDebug.launchAndTerminate());
        IWorkbench workbench = PlatformUI.getWorkbench();
        workbench.getDisplay().syncExec(() -> {
            try {
                collect(workbench);
            } catch (RuntimeException | LinkageError e) {
                lines.add("error\t" + stackTrace(e));
            }
            String screenshot = System.getProperty(SCREENSHOT);
            if (screenshot != null && workbench.getWorkbenchWindowCount() > 0) {
                try {
                    org.eclipse.swt.widgets.Shell shell = workbench.getWorkbenchWindows()[0].getShell();
                    shell.setBounds(shell.getDisplay().getPrimaryMonitor().getClientArea());
                    paint(workbench.getDisplay());
                    Screenshot.save(shell, Path.of(screenshot));
                } catch (RuntimeException e) {
                    lines.add("error\tscreenshot: " + stackTrace(e));
                }
            }
            write();
            if (!workbench.close()) {
                ILog.of(SelfCheck.class).log(Status.error("Rewind Studio: the workbench refused to close after the self-check"));
            }
        });
    }

    private void collect(IWorkbench workbench) {
        lines.add("product\t" + (Platform.getProduct() == null ? "-" : Platform.getProduct().getId()));
        Bundle self = FrameworkUtil.getBundle(SelfCheck.class);
        for (Bundle bundle : self.getBundleContext().getBundles()) {
            if (bundle.getSymbolicName() != null && bundle.getSymbolicName().startsWith(PREFIX)) {
                lines.add("bundle\t" + bundle.getSymbolicName() + "\t" + stateName(bundle.getState()));
            }
        }
        ILaunchManager launches = DebugPlugin.getDefault().getLaunchManager();
        for (ILaunchConfigurationType type : launches.getLaunchConfigurationTypes()) {
            if (type.getPluginIdentifier().startsWith(PREFIX)) {
                lines.add("launchType\t" + type.getIdentifier() + "\t" + type.getPluginIdentifier()
                        + "\tdebug=" + type.supportsMode(ILaunchManager.DEBUG_MODE));
            }
        }
        try {
            for (ILaunchConfiguration configuration : launches.getLaunchConfigurations()) {
                lines.add("launchConfig\t" + configuration.getName() + "\t" + configuration.getType().getIdentifier());
            }
        } catch (org.eclipse.core.runtime.CoreException e) {
            lines.add("error\tlaunch configurations: " + stackTrace(e));
        }
        lines.add("demoProject\t" + org.eclipse.core.resources.ResourcesPlugin.getWorkspace().getRoot()
                .getProject(DemoProject.NAME).exists());
        IWorkbenchWindow window = workbench.getWorkbenchWindowCount() == 0 ? null : workbench.getWorkbenchWindows()[0];
        IWorkbenchPage page = window == null ? null : window.getActivePage();
        lines.add("window\t" + (page != null));
        for (IExtension extension : Platform.getExtensionRegistry().getExtensionPoint("org.eclipse.ui.views")
                .getExtensions()) {
            if (extension.getContributor().getName().startsWith(PREFIX)) {
                for (IConfigurationElement element : extension.getConfigurationElements()) {
                    if (element.getName().equals("view")) {
                        lines.add(openView(page, element.getAttribute("id"), extension.getContributor().getName()));
                    }
                }
            }
        }
        lines.add(openDemoSource(page));
    }

    /** Lets the window paint what the check opened: the pending UI events, at most 2 s of them. */
    private static void paint(org.eclipse.swt.widgets.Display display) {
        long end = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < end) {
            if (!display.readAndDispatch()) {
                display.update();
                if (!display.readAndDispatch()) {
                    break;
                }
            }
        }
    }

    /** Opens the demo's C source in its editor: the text editor works, and the screenshot shows it. */
    private static String openDemoSource(IWorkbenchPage page) {
        org.eclipse.core.resources.IFile source = org.eclipse.core.resources.ResourcesPlugin.getWorkspace().getRoot()
                .getProject(DemoProject.NAME).getFile("src/demo.c");
        if (page == null || !source.exists()) {
            return "editor\tsrc/demo.c\tmissing";
        }
        try {
            org.eclipse.ui.IEditorPart editor = org.eclipse.ui.ide.IDE.openEditor(page, source);
            return "editor\tsrc/demo.c\t" + (editor == null ? "null" : editor.getClass().getName());
        } catch (org.eclipse.ui.PartInitException | RuntimeException e) {
            return "editor\tsrc/demo.c\tfailed\t" + e;
        }
    }

    private static String openView(IWorkbenchPage page, String id, String contributor) {
        if (page == null) {
            return "view\t" + id + "\t" + contributor + "\tno-page";
        }
        try {
            IViewPart part = page.showView(id);
            String kind = part == null ? "null" : part.getClass().getName();
            return "view\t" + id + "\t" + contributor + "\t" + (kind.endsWith("ErrorViewPart") ? "error-part" : "open")
                    + "\t" + kind;
        } catch (org.eclipse.ui.PartInitException | RuntimeException e) {
            return "view\t" + id + "\t" + contributor + "\tfailed\t" + e;
        }
    }

    private void write() {
        lines.add("end");
        try {
            Files.createDirectories(report.toAbsolutePath().getParent());
            Files.write(report, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            ILog.of(SelfCheck.class).log(Status.error("Rewind Studio: cannot write the self-check report " + report, e));
        }
    }

    private static String stateName(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.INSTALLED -> "INSTALLED";
            default -> "UNINSTALLED";
        };
    }

    private static String stackTrace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString().replace('\n', ' ').replace('\t', ' ');
    }
}
