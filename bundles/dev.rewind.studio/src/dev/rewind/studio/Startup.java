package dev.rewind.studio;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.ui.IStartup;

/**
 * Runs once the workbench is up: imports the demo project into an empty workspace, then, when the system property
 * {@value SelfCheck#PROPERTY} names a file, runs the installation self-check and closes the workbench.
 */
public final class Startup implements IStartup {

    @Override
    public void earlyStartup() {
        try {
            DemoProject.importIfMissing();
        } catch (Exception e) {
            ILog.of(Startup.class).log(Status.error("Rewind Studio: the demo project could not be imported", e));
        }
        String report = System.getProperty(SelfCheck.PROPERTY);
        if (report != null && !report.isBlank()) {
            new SelfCheck(java.nio.file.Path.of(report)).runAndClose();
        }
    }
}
