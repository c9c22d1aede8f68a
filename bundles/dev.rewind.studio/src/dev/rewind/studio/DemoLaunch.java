package dev.rewind.studio;

import java.util.List;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;

/**
 * The demo's launch configuration ({@value #NAME}, shared: a {@code .launch} file in the demo project), made once
 * Rewind's launch type {@value #TYPE} is installed. Attribute names are those of dev.rewind.eclipse.core's
 * LaunchAttributes; this bundle does not depend on Rewind, so that it also runs in a product without it.
 */
final class DemoLaunch {

    static final String TYPE = "dev.rewind.launch";
    static final String NAME = "Rewind demo (4 harts)";
    static final String PROGRAM = "elf/demo-rv32.elf";
    private static final String ATTRIBUTE = "dev.rewind.eclipse.core.";

    private DemoLaunch() {
    }

    /** Creates the configuration when the launch type exists and the project has none of that type yet. */
    static void createIfMissing(IProject project) throws CoreException {
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        ILaunchConfigurationType type = manager.getLaunchConfigurationType(TYPE);
        IFile program = project.getFile(PROGRAM);
        if (type == null || !project.isOpen() || !program.exists()) {
            return;
        }
        for (ILaunchConfiguration existing : manager.getLaunchConfigurations(type)) {
            if (existing.getName().equals(NAME)) {
                return;
            }
        }
        ILaunchConfigurationWorkingCopy copy = type.newInstance(project, NAME);
        copy.setAttribute(ATTRIBUTE + "program", program.getLocation().toOSString());
        copy.setAttribute(ATTRIBUTE + "harts", 4);
        copy.setAttribute(ATTRIBUTE + "history", true);
        copy.setAttribute(ATTRIBUTE + "stopOnEntry", true);
        copy.setAttribute(ATTRIBUTE + "sourceDirectories", List.of(project.getLocation().toOSString()));
        copy.setAttribute(ATTRIBUTE + "recording", "");
        copy.setMappedResources(new org.eclipse.core.resources.IResource[] {program});
        copy.doSave();
    }
}
