package dev.rewind.dap.handlers;

import dev.rewind.dap.DapContext;
import dev.rewind.debug.DebugSession;
import org.eclipse.lsp4j.debug.Thread;
import org.eclipse.lsp4j.debug.ThreadsResponse;

/** {@code threads}: one thread per hart, id = hart + 1, named {@code hart N}. */
public final class ThreadsHandler {

    private final DapContext context;

    public ThreadsHandler(DapContext context) {
        this.context = context;
    }

    public ThreadsResponse handle() {
        ThreadsResponse r = new ThreadsResponse();
        if (!context.hasSession()) {
            r.setThreads(new Thread[0]);
            return r;
        }
        DebugSession session = context.session();
        Thread[] threads = new Thread[session.harts()];
        for (int h = 0; h < threads.length; h++) {
            threads[h] = new Thread();
            threads[h].setId(DapContext.threadId(h));
            threads[h].setName("hart " + h);
        }
        r.setThreads(threads);
        return r;
    }
}
