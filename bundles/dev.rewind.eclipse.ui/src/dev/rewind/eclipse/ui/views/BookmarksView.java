package dev.rewind.eclipse.ui.views;

import dev.rewind.debug.Bookmark;
import dev.rewind.eclipse.core.model.RewindDebugTarget;
import dev.rewind.eclipse.ui.RewindContext;
import dev.rewind.eclipse.ui.commands.ReverseJob;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

/** The session's bookmarks: add, rename, go to (double-click), delete. */
public final class BookmarksView extends RewindView {

    public static final String ID = "dev.rewind.eclipse.ui.bookmarks";

    private TableViewer viewer;
    private volatile List<Bookmark> shown = List.of();

    @Override
    public void createPartControl(Composite parent) {
        viewer = new TableViewer(parent, SWT.FULL_SELECTION | SWT.SINGLE | SWT.BORDER);
        viewer.getTable().setHeaderVisible(true);
        column("Bookmark", 200, b -> b.name());
        column("Time", 120, b -> Long.toString(b.time()));
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.addDoubleClickListener(e -> selected().ifPresent(b -> goTo(b.name())));
        IToolBarManager tb = getViewSite().getActionBars().getToolBarManager();
        tb.add(action("Add", () -> {
            InputDialog d = new InputDialog(viewer.getControl().getShell(), "Add Bookmark", "Name:", "", null);
            if (d.open() == Window.OK && !d.getValue().isBlank()) {
                add(d.getValue().trim());
            }
        }));
        tb.add(action("Go To", () -> selected().ifPresent(b -> goTo(b.name()))));
        tb.add(action("Rename", () -> selected().ifPresent(b -> {
            InputDialog d = new InputDialog(viewer.getControl().getShell(), "Rename Bookmark", "New name:", b.name(), null);
            if (d.open() == Window.OK && !d.getValue().isBlank()) {
                rename(b.name(), d.getValue().trim());
            }
        })));
        tb.add(action("Delete", () -> selected().ifPresent(b -> delete(b.name()))));
        hookListeners();
    }

    private void column(String title, int width, java.util.function.Function<Bookmark, String> text) {
        TableViewerColumn c = new TableViewerColumn(viewer, SWT.NONE);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((Bookmark) element);
            }
        });
    }

    private static Action action(String text, Runnable r) {
        return new Action(text) {
            @Override
            public void run() {
                r.run();
            }
        };
    }

    private java.util.Optional<Bookmark> selected() {
        return viewer.getStructuredSelection() instanceof IStructuredSelection s && s.getFirstElement() instanceof Bookmark b
                ? java.util.Optional.of(b) : java.util.Optional.empty();
    }

    /** The bookmarks shown now. */
    public List<Bookmark> bookmarks() {
        return shown;
    }

    public CompletableFuture<Bookmark> add(String name) {
        return withTarget(t -> t.session().addBookmark(name));
    }

    public CompletableFuture<Void> rename(String name, String newName) {
        return withTarget(t -> t.session().renameBookmark(name, newName));
    }

    public CompletableFuture<Void> delete(String name) {
        return withTarget(t -> t.session().deleteBookmark(name));
    }

    /** Goes to a bookmark in a cancellable job. */
    public ReverseJob goTo(String name) {
        RewindDebugTarget t = target();
        if (t == null) {
            return null;
        }
        var thread = RewindContext.thread().filter(th -> th.getDebugTarget() == t).orElse(t.thread(0));
        ReverseJob job = new ReverseJob("Go to bookmark " + name, t, () -> t.stepper().goToBookmark(thread, name));
        job.schedule();
        return job;
    }

    private <T> CompletableFuture<T> withTarget(java.util.function.Function<RewindDebugTarget, CompletableFuture<T>> f) {
        RewindDebugTarget t = target();
        return t == null ? CompletableFuture.failedFuture(new IllegalStateException("no Rewind session")) : f.apply(t);
    }

    @Override
    protected Control control() {
        return viewer == null ? null : viewer.getControl();
    }

    @Override
    protected void refresh(RewindDebugTarget t) {
        if (t == null || t.isTerminated()) {
            shown = List.of();
            viewer.setInput(shown);
            return;
        }
        t.session().bookmarks().thenAccept(list -> ui(() -> {
            shown = List.copyOf(list);
            viewer.setInput(shown);
        })).exceptionally(e -> {
            warn("reading bookmarks", e);
            return null;
        });
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }
}
