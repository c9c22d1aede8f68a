package dev.rewind.eclipse.ui.commands;

import dev.rewind.eclipse.core.model.RewindThread;
import org.eclipse.core.commands.ExecutionEvent;

/** Reverse Resume: backwards to the latest earlier breakpoint or watchpoint hit of any hart. */
public final class ReverseResumeHandler extends ReverseHandler {

    public static final String COMMAND = "dev.rewind.eclipse.ui.reverseResume";

    @Override
    protected ReverseJob job(ExecutionEvent event, RewindThread thread) {
        return new ReverseJob("Reverse resume", thread.rewindTarget(),
                () -> thread.rewindTarget().stepper().reverseResume(thread));
    }
}
