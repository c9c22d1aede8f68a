package dev.rewind.studio;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;

/**
 * The demo project of the product ({@code demo/} next to {@code plugins/}: the C sources and the ELF), copied into the
 * workspace as project {@value #NAME} when the workspace does not have it yet, with its launch configuration once
 * Rewind is installed.
 */
final class DemoProject {

    static final String NAME = "demo";

    private DemoProject() {
    }

    /** Imports the demo and makes its launch configuration; does nothing when the product has no demo folder. */
    static void importIfMissing() throws CoreException {
        Path source = demoFolder();
        IWorkspace workspace = ResourcesPlugin.getWorkspace();
        IProject project = workspace.getRoot().getProject(NAME);
        if (source == null) {
            return;
        }
        if (!project.exists()) {
            workspace.run(monitor -> copy(source, project), workspace.getRoot(), IWorkspace.AVOID_UPDATE,
                    new NullProgressMonitor());
        }
        DemoLaunch.createIfMissing(project);
    }

    /** The product's demo folder, or null when it has none (an IDE Rewind was installed into). */
    static Path demoFolder() {
        if (Platform.getInstallLocation() == null) {
            return null;
        }
        try {
            Path folder = Path.of(Platform.getInstallLocation().getURL().toURI()).resolve(NAME);
            return Files.isDirectory(folder) ? folder : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("the installation location is not a local folder: "
                    + Platform.getInstallLocation().getURL(), e);
        }
    }

    private static void copy(Path source, IProject project) throws CoreException {
        project.create(null);
        project.open(null);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(source)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new CoreException(Status.error("cannot list the demo folder " + source, e));
        }
        for (Path file : files) {
            String relative = source.relativize(file).toString().replace('\\', '/');
            if (relative.equals(".project")) {
                continue; // the project description is the workspace's own
            }
            ensureFolders(project, relative);
            try (InputStream in = Files.newInputStream(file)) {
                project.getFile(relative).create(in, IResource.FORCE, null);
            } catch (IOException e) {
                throw new CoreException(Status.error("cannot copy " + file + " into the demo project", e));
            }
        }
    }

    private static void ensureFolders(IProject project, String relative) throws CoreException {
        int slash = relative.lastIndexOf('/');
        if (slash < 0) {
            return;
        }
        IContainer parent = project;
        for (String segment : relative.substring(0, slash).split("/")) {
            IFolder folder = parent.getFolder(org.eclipse.core.runtime.IPath.fromPortableString(segment));
            if (!folder.exists()) {
                folder.create(true, true, null);
            }
            parent = folder;
        }
    }
}
