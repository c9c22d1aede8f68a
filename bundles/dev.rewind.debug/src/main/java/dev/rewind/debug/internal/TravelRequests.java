package dev.rewind.debug.internal;

import dev.rewind.debug.Bookmark;
import dev.rewind.debug.HistoryInfo;
import dev.rewind.debug.Stop;
import dev.rewind.debug.TimeInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The time-travel requests of a session, each queued on its executor and handed to {@link Travel}: stepping back,
 * reverse continue, going to a time or bookmark, bookmarks, the time line and saving a recording. {@link Session}
 * adds run control and the life cycle.
 */
abstract class TravelRequests extends SessionRequests {
    private final Travel travel;

    TravelRequests(SessionParts p, State state, dev.rewind.symbols.Symbols symbols, List<String> symbolProblems) {
        super(p.executor(), p.ctx(), state, symbols, symbolProblems);
        this.travel = p.travel();
    }

    @Override
    public CompletableFuture<Stop> stepBackInstruction(int hart, int n) {
        return submit("step back", () -> travel.stepBack(hart, n));
    }

    @Override
    public CompletableFuture<Stop> stepBackRange(int hart, long lo, long hi, boolean overCalls) {
        return submit("step back", () -> travel.stepBackRange(hart, lo, hi, overCalls));
    }

    @Override
    public CompletableFuture<Stop> stepBackOut(int hart, long callSite, long callerSp) {
        return submit("step back out", () -> travel.stepBackOut(hart, callSite, callerSp));
    }

    @Override
    public CompletableFuture<Stop> reverseContinue() {
        return submit("reverse continue", travel::reverseContinue);
    }

    @Override
    public CompletableFuture<Stop> reverseToLastWrite(long address, long length) {
        return submit("go back to the last write", () -> travel.reverseToLastWrite(address, length));
    }

    @Override
    public CompletableFuture<Stop> goToTime(long time) {
        return submit("go to time " + time, () -> travel.goToTime(time));
    }

    @Override
    public CompletableFuture<TimeInfo> time() {
        return submit("read the time", travel::time);
    }

    @Override
    public CompletableFuture<HistoryInfo> history() {
        return submit("describe the history", travel::history);
    }

    @Override
    public CompletableFuture<Bookmark> addBookmark(String name) {
        return submit("add a bookmark", () -> travel.addBookmark(name));
    }

    @Override
    public CompletableFuture<List<Bookmark>> bookmarks() {
        return submit("list bookmarks", travel::bookmarks);
    }

    @Override
    public CompletableFuture<Stop> goToBookmark(String name) {
        return submit("go to bookmark " + name, () -> travel.goToBookmark(name));
    }

    @Override
    public CompletableFuture<Void> renameBookmark(String name, String newName) {
        return submit("rename a bookmark", () -> {
            travel.renameBookmark(name, newName);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> deleteBookmark(String name) {
        return submit("delete a bookmark", () -> {
            travel.deleteBookmark(name);
            return null;
        });
    }

    @Override
    public CompletableFuture<Long> saveRecording(Path file) {
        return submit("save a recording", () -> travel.saveRecording(file));
    }
}
