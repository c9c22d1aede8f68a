package dev.rewind.eclipse.core.launch;

import dev.rewind.eclipse.core.model.RewindDebugTarget;
import dev.rewind.eclipse.core.model.RewindStackFrame;
import dev.rewind.symbols.Symbols;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.core.filesystem.EFS;
import org.eclipse.core.filesystem.IFileStore;
import org.eclipse.debug.core.model.ISourceLocator;
import org.eclipse.debug.core.model.IStackFrame;

/**
 * Finds a frame's source file: its DWARF path, tried under the configured source directories and the program's
 * folders ({@link Symbols#resolveSource}). The source element is an {@link IFileStore} (sources need not be in the
 * workspace).
 */
public final class RewindSourceLocator implements ISourceLocator {

    private final RewindDebugTarget target;

    public RewindSourceLocator(RewindDebugTarget target) {
        this.target = target;
    }

    @Override
    public Object getSourceElement(IStackFrame frame) {
        if (!(frame instanceof RewindStackFrame f) || f.sourcePath() == null) {
            return null;
        }
        return resolve(f.sourcePath()).map(p -> EFS.getLocalFileSystem().getStore(p.toUri())).orElse(null);
    }

    /** The file a DWARF path names, if it exists under a source directory. */
    public Optional<Path> resolve(String dwarfPath) {
        return Symbols.resolveSource(dwarfPath, target.sourceDirectories()).map(p -> p.toAbsolutePath().normalize());
    }
}
