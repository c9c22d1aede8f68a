package dev.rewind.eclipse.ui.commands;

import dev.rewind.eclipse.core.model.RewindThread;
import dev.rewind.eclipse.ui.RewindContext;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;

/**
 * Base of the reverse commands: enabled when the current Rewind target keeps a history and is stopped; runs the
 * request as a cancellable {@link ReverseJob} (never on the UI thread).
 */
public abstract class ReverseHandler extends AbstractHandler {

    @Override
    public void setEnabled(Object evaluationContext) {
        setBaseEnabled(RewindContext.target().map(t -> t.canReverse()).orElse(false));
    }

    @Override
    public boolean isEnabled() {
        return RewindContext.target().map(t -> t.canReverse()).orElse(false);
    }

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        RewindThread thread = RewindContext.thread()
                .orElseThrow(() -> new ExecutionException("no Rewind debug session is selected"));
        ReverseJob job = job(event, thread);
        if (job != null) {
            job.schedule();
        }
        return job;
    }

    /** The job to run for the thread, or null when the user cancelled a dialog. */
    protected abstract ReverseJob job(ExecutionEvent event, RewindThread thread) throws ExecutionException;
}
