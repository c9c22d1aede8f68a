package dev.rewind.eclipse.core.model;

import dev.rewind.eclipse.core.RewindDebug;
import org.eclipse.debug.core.model.DebugElement;
import org.eclipse.debug.core.model.IDebugTarget;

/** Base of every Rewind debug element: the model id and the target. */
public abstract class RewindDebugElement extends DebugElement {

    protected RewindDebugElement(IDebugTarget target) {
        super(target);
    }

    @Override
    public String getModelIdentifier() {
        return RewindDebug.MODEL_ID;
    }

    public RewindDebugTarget rewindTarget() {
        return (RewindDebugTarget) getDebugTarget();
    }
}
