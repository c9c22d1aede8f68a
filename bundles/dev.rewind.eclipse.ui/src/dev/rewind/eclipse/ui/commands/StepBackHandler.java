package dev.rewind.eclipse.ui.commands;

import dev.rewind.eclipse.core.model.RewindThread;
import org.eclipse.core.commands.ExecutionEvent;

/** Step Back: the selected hart back over one source line (one instruction without line information). */
public final class StepBackHandler extends ReverseHandler {

    public static final String COMMAND = "dev.rewind.eclipse.ui.stepBack";

    @Override
    protected ReverseJob job(ExecutionEvent event, RewindThread thread) {
        return new ReverseJob("Step back " + thread.getName(), thread.rewindTarget(),
                () -> thread.rewindTarget().stepper().stepBack(thread));
    }
}
