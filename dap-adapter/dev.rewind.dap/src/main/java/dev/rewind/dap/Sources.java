package dev.rewind.dap;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.lsp4j.debug.Source;

/**
 * Source files as the client sees them: a path from the debug information, looked up as given (absolute),
 * then relative to each launch {@code sourceDirectories} entry, then relative to the program's folder and
 * its parents.
 */
public final class Sources {

    private Sources() {
    }

    public static Source source(DapContext context, String file) {
        Source s = new Source();
        Path resolved = resolve(context, file);
        s.setName(Path.of(file).getFileName().toString());
        s.setPath(resolved.toString());
        return s;
    }

    public static Path resolve(DapContext context, String file) {
        Path p = Path.of(file);
        if (p.isAbsolute()) {
            return p.normalize();
        }
        for (String dir : context.sourceDirectories()) {
            Path c = Path.of(dir).resolve(p);
            if (Files.isRegularFile(c)) {
                return c.toAbsolutePath().normalize();
            }
        }
        if (context.hasSession()) {
            Path dir = context.sessionOrNull().program().toAbsolutePath().getParent();
            for (int up = 0; dir != null && up < 4; up++, dir = dir.getParent()) {
                Path c = dir.resolve(p);
                if (Files.isRegularFile(c)) {
                    return c.normalize();
                }
            }
        }
        return p.toAbsolutePath().normalize();
    }
}
