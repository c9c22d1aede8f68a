package dev.rewind.dap.handlers;

import dev.rewind.dap.Addresses;
import dev.rewind.dap.DapContext;
import dev.rewind.dap.DapErrors;
import dev.rewind.dap.RewindProtocol.Arguments;
import dev.rewind.dap.RewindProtocol.BookmarkResult;
import dev.rewind.dap.RewindProtocol.TimeResult;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Commands typed in the Debug Console: {@code time}, {@code goto T}, {@code bookmark add|list|goto|delete NAME},
 * {@code bookmark rename OLD NEW}, {@code help}. Anything else is an expression.
 */
final class ReplCommands {

    static final String HELP = """
            time                      where the session is in virtual time, and the history range
            goto T                    go to virtual time T (back in history, or forward)
            bookmark add NAME         bookmark the current time
            bookmark list             the bookmarks
            bookmark goto NAME        go to a bookmark
            bookmark rename OLD NEW   rename a bookmark
            bookmark delete NAME      delete a bookmark
            $a0, $pc, $mstatus        a register of the selected hart
            &sym, sym, *0xADDR        a symbol's address, its word, a word of memory""";

    private final DapContext context;
    private final TimeHandler time;
    private final BookmarkHandler bookmarks;

    ReplCommands(DapContext context) {
        this.context = context;
        this.time = new TimeHandler(context);
        this.bookmarks = new BookmarkHandler(context);
    }

    /** The command's output, or empty when {@code line} is not a command. */
    Optional<String> run(String line) {
        String[] w = line.trim().split("\\s+");
        switch (w[0]) {
            case "help":
                return Optional.of(HELP);
            case "time":
                return Optional.of(describe(time.time(new Arguments())));
            case "goto":
                if (w.length != 2) {
                    throw DapErrors.badRequest("usage: goto TIME");
                }
                Arguments a = new Arguments();
                a.time = Addresses.parse(w[1], "time");
                return Optional.of(describe(time.goToTime(a)));
            case "bookmark":
                return Optional.of(bookmark(w));
            default:
                return Optional.empty();
        }
    }

    private String bookmark(String[] w) {
        if (w.length < 2) {
            throw DapErrors.badRequest("usage: bookmark add|list|goto|rename|delete ...");
        }
        Arguments a = new Arguments();
        a.name = w.length > 2 ? w[2] : null;
        switch (w[1]) {
            case "list":
                return bookmarks.list(a).bookmarks().stream().map(b -> b.name() + " @ " + b.time())
                        .collect(Collectors.joining("\n", "", "")).transform(s -> s.isEmpty() ? "no bookmarks" : s);
            case "add":
                BookmarkResult b = bookmarks.add(a);
                return "bookmark " + b.name() + " @ " + b.time();
            case "goto":
                return describe(bookmarks.goTo(a));
            case "delete":
                bookmarks.delete(a);
                return "deleted " + a.name;
            case "rename":
                if (w.length != 4) {
                    throw DapErrors.badRequest("usage: bookmark rename OLD NEW");
                }
                a.newName = w[3];
                bookmarks.rename(a);
                return "renamed " + a.name + " to " + a.newName;
            default:
                throw DapErrors.badRequest("unknown bookmark command '" + w[1] + "' (add, list, goto, rename, delete)");
        }
    }

    static String describe(TimeResult t) {
        if (!t.history()) {
            return "time " + t.now() + " (history off)";
        }
        return "time " + t.now() + " (history " + t.earliest() + ".." + t.frontier()
                + (t.now() < t.frontier() ? ", " + (t.frontier() - t.now()) + " back from the newest point" : "") + ")";
    }
}
