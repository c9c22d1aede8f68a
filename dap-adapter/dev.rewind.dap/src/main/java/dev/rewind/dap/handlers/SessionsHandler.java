package dev.rewind.dap.handlers;

import dev.rewind.dap.DapContext;
import dev.rewind.dap.DapErrors;
import dev.rewind.dap.RewindProtocol.Arguments;
import dev.rewind.dap.RewindProtocol.RecordingResult;
import dev.rewind.dap.RewindProtocol.SessionResult;
import dev.rewind.dap.RewindProtocol.SessionsResult;
import java.nio.file.Path;

/** {@code rewind/sessions} (the runtime's live sessions, to attach to) and {@code rewind/saveRecording}. */
public final class SessionsHandler {

    private final DapContext context;

    public SessionsHandler(DapContext context) {
        this.context = context;
    }

    public SessionsResult sessions(Arguments args) {
        return new SessionsResult(context.sessions().sessions().stream().map(s -> new SessionResult(s.id(),
                s.program().toString(), s.harts(), s.running())).toList());
    }

    public RecordingResult save(Arguments args) {
        if (args == null || args.path == null || args.path.isBlank()) {
            throw DapErrors.badRequest("rewind/saveRecording needs 'path'");
        }
        Path file = Path.of(args.path).toAbsolutePath().normalize();
        long end = context.await(context.stoppedSession().saveRecording(file));
        return new RecordingResult(file.toString(), end);
    }
}
