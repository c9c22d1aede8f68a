package dev.rewind.dap.handlers;

import dev.rewind.dap.DapContext;
import dev.rewind.dap.source.SourceProgram;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.lsp4j.debug.LoadedSourcesArguments;
import org.eclipse.lsp4j.debug.LoadedSourcesResponse;
import org.eclipse.lsp4j.debug.Source;

/**
 * {@code loadedSources}: the program's source files that exist here (the files its line tables name, found as frames
 * find them), as the frames' {@link Source}s; none without a session or line tables. VS Code lists them in its
 * Loaded Scripts view; the Rewind extension opens them ahead of time, so stepping into a file it has not shown yet
 * finds it loaded. The program's symbols are read at launch, so the answer is a walk over its file names.
 */
public final class LoadedSourcesHandler {

    private final DapContext context;

    public LoadedSourcesHandler(DapContext context) {
        this.context = context;
    }

    public LoadedSourcesResponse handle(LoadedSourcesArguments args) {
        LoadedSourcesResponse response = new LoadedSourcesResponse();
        response.setSources(sources().toArray(Source[]::new));
        return response;
    }

    private List<Source> sources() {
        SourceProgram program = context.source();
        if (program == null) {
            return List.of();
        }
        Set<String> seen = new LinkedHashSet<>();
        List<Source> out = new ArrayList<>();
        for (String file : program.symbols().sourceFiles()) {
            Source s = SourceProgram.source(context, file);
            if (s.getPath() != null && Files.isRegularFile(Path.of(s.getPath())) && seen.add(s.getPath())) {
                out.add(s);
            }
        }
        return out;
    }
}
