package dev.rewind.eclipse.core.model;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IDebugElement;
import org.eclipse.debug.core.model.IValue;
import org.eclipse.debug.core.model.IWatchExpressionDelegate;
import org.eclipse.debug.core.model.IWatchExpressionListener;
import org.eclipse.debug.core.model.IWatchExpressionResult;

/**
 * Watch expressions (Expressions view, hovers) evaluated in the selected frame (a hart's top frame when a hart is
 * selected) with the symbols' evaluator, in a job: never on the UI thread.
 */
public final class RewindWatchExpressionDelegate implements IWatchExpressionDelegate {

    @Override
    public void evaluateExpression(String expression, IDebugElement context, IWatchExpressionListener listener) {
        Job.create("Evaluate " + expression, monitor -> {
            listener.watchEvaluationFinished(evaluate(expression, context));
            return Status.OK_STATUS;
        }).schedule();
    }

    static IWatchExpressionResult evaluate(String expression, IDebugElement context) {
        try {
            RewindStackFrame frame = context instanceof RewindStackFrame f ? f
                    : context instanceof RewindThread t ? (RewindStackFrame) t.getTopStackFrame() : null;
            if (frame == null) {
                return result(expression, null, "select a stopped hart or frame", null);
            }
            VarInfo v = frame.evaluate(expression);
            if (v.text().startsWith("<") && !v.expandable()) {
                return result(expression, null, v.text(), null);
            }
            return result(expression, new RewindValue(frame, v), null, null);
        } catch (DebugException e) {
            return result(expression, null, e.getMessage(), e);
        }
    }

    private static IWatchExpressionResult result(String text, IValue value, String error, DebugException e) {
        return new IWatchExpressionResult() {
            @Override public IValue getValue() { return value; }
            @Override public boolean hasErrors() { return error != null; }
            @Override public String[] getErrorMessages() { return error == null ? new String[0] : new String[] {error}; }
            @Override public String getExpressionText() { return text; }
            @Override public DebugException getException() { return e; }
        };
    }
}
