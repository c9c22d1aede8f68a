package dev.rewind.dap.handlers;

import dev.rewind.dap.DapContext;
import dev.rewind.dap.RewindProtocol.Arguments;
import dev.rewind.dap.RewindProtocol.SourcesResult;
import dev.rewind.dap.source.SourceProgram;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.lsp4j.debug.Source;

/**
 * {@code rewind/sources}: the program's source files that exist here (the files its line tables name, found as frames
 * find them), as the frames' {@link Source}s; none without a session or line tables. A client opens them ahead of
 * time, so stepping into a file it has not shown yet finds it loaded.
 */
public final class SourcesHandler {

    private final DapContext context;

    public SourcesHandler(DapContext context) {
        this.context = context;
    }

    public SourcesResult sources(Arguments args) {
        SourceProgram program = context.source();
        if (program == null) {
            return new SourcesResult(List.of());
        }
        Set<String> seen = new LinkedHashSet<>();
        List<Source> out = new ArrayList<>();
        for (String file : program.symbols().sourceFiles()) {
            Source s = SourceProgram.source(context, file);
            if (s.getPath() != null && Files.isRegularFile(Path.of(s.getPath())) && seen.add(s.getPath())) {
                out.add(s);
            }
        }
        return new SourcesResult(List.copyOf(out));
    }
}
