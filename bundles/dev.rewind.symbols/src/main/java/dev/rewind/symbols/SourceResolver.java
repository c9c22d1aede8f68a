package dev.rewind.symbols;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Maps DWARF source paths (often relative, from -fdebug-prefix-map builds) onto files that exist here. */
final class SourceResolver {

    private SourceResolver() {
    }

    static Optional<Path> resolve(String dwarfPath, List<Path> sourceDirs) {
        try {
            Path p = Path.of(dwarfPath);
            if (p.isAbsolute() && Files.isRegularFile(p)) {
                return Optional.of(p.normalize());
            }
            List<String> parts = new ArrayList<>();
            for (String s : dwarfPath.replace('\\', '/').split("/")) {
                if (!s.isEmpty() && !s.equals(".")) {
                    parts.add(s);
                }
            }
            for (Path dir : sourceDirs) {
                Path root = dir.toAbsolutePath().normalize();
                for (int from = 0; from < parts.size(); from++) {
                    if (parts.get(from).equals("..")) {
                        continue;
                    }
                    Path candidate = root.resolve(String.join("/", parts.subList(from, parts.size()))).normalize();
                    if (candidate.startsWith(root) && Files.isRegularFile(candidate)) {
                        return Optional.of(candidate);
                    }
                }
            }
            return Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
