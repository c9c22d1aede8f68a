package dev.rewind.eclipse.ui.commands;

import dev.rewind.eclipse.core.model.RewindDebugTarget;
import dev.rewind.eclipse.ui.RewindContext;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.ui.handlers.HandlerUtil;

/** Bookmarks the session's current time under a name the user gives (the request does not block the UI). */
public final class AddBookmarkHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        RewindDebugTarget t = RewindContext.target()
                .orElseThrow(() -> new ExecutionException("no Rewind debug session"));
        InputDialog d = new InputDialog(HandlerUtil.getActiveShell(event), "Add Bookmark", "Name of the bookmark:",
                "t" + t.lastStop().time(), s -> s.isBlank() ? "give a name" : null);
        if (d.open() == Window.OK) {
            t.session().addBookmark(d.getValue().trim());
        }
        return null;
    }
}
