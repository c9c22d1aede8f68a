package dev.rewind.dap.handlers;

import dev.rewind.dap.DapContext;
import dev.rewind.dap.DapErrors;
import dev.rewind.dap.RewindProtocol.Arguments;
import dev.rewind.dap.RewindProtocol.BookmarkResult;
import dev.rewind.dap.RewindProtocol.BookmarksResult;
import dev.rewind.dap.RewindProtocol.TimeResult;
import dev.rewind.debug.Bookmark;
import dev.rewind.debug.DebugSession;
import java.util.List;

/** The bookmark requests: {@code rewind/bookmarks}, {@code addBookmark}, {@code goToBookmark}, {@code renameBookmark}, {@code deleteBookmark}. */
public final class BookmarkHandler {

    private final DapContext context;

    public BookmarkHandler(DapContext context) {
        this.context = context;
    }

    public BookmarksResult list(Arguments args) {
        return result(context.await(context.session().bookmarks()));
    }

    public BookmarkResult add(Arguments args) {
        Bookmark b = context.await(context.stoppedSession().addBookmark(name(args)));
        return new BookmarkResult(b.name(), b.time());
    }

    public TimeResult goTo(Arguments args) {
        DebugSession s = context.stoppedSession();
        context.await(s.goToBookmark(name(args)));
        return TimeHandler.result(context.await(s.time()));
    }

    public BookmarksResult rename(Arguments args) {
        if (args.newName == null || args.newName.isBlank()) {
            throw DapErrors.badRequest("rewind/renameBookmark needs 'newName'");
        }
        DebugSession s = context.session();
        context.await(s.renameBookmark(name(args), args.newName.trim()));
        return result(context.await(s.bookmarks()));
    }

    public BookmarksResult delete(Arguments args) {
        DebugSession s = context.session();
        context.await(s.deleteBookmark(name(args)));
        return result(context.await(s.bookmarks()));
    }

    private static String name(Arguments args) {
        if (args == null || args.name == null || args.name.isBlank()) {
            throw DapErrors.badRequest("a bookmark request needs 'name'");
        }
        return args.name.trim();
    }

    /** The body of {@code rewind/bookmarks} (and of the event of that name). */
    public static BookmarksResult result(List<Bookmark> list) {
        return new BookmarksResult(list.stream().map(b -> new BookmarkResult(b.name(), b.time())).toList());
    }
}
