package dev.rewind.dap;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;

/** Rewind's custom DAP requests (documented in dap-adapter/README.md). */
public interface RewindProtocol {

    /** Arguments of the custom requests; unused fields stay null. */
    final class Arguments {
        public Long time;
        public String name;
        public String newName;
        public String path;
    }

    /** Where the session is in time. */
    record TimeResult(long now, long earliest, long frontier, boolean history) {
    }

    /** A bookmark. */
    record BookmarkResult(String name, long time) {
    }

    /** The bookmarks, in time order. */
    record BookmarksResult(List<BookmarkResult> bookmarks) {
    }

    /** A saved recording. */
    record RecordingResult(String path, long endTime) {
    }

    /** A live session of the runtime. */
    record SessionResult(String id, String program, int harts, boolean running) {
    }

    /** The live sessions (for attach). */
    record SessionsResult(List<SessionResult> sessions) {
    }

    /** The program's source files found here. */
    record SourcesResult(List<org.eclipse.lsp4j.debug.Source> sources) {
    }

    @JsonRequest("rewind/time")
    CompletableFuture<TimeResult> rewindTime(Arguments args);

    @JsonRequest("rewind/goToTime")
    CompletableFuture<TimeResult> rewindGoToTime(Arguments args);

    @JsonRequest("rewind/bookmarks")
    CompletableFuture<BookmarksResult> rewindBookmarks(Arguments args);

    @JsonRequest("rewind/addBookmark")
    CompletableFuture<BookmarkResult> rewindAddBookmark(Arguments args);

    @JsonRequest("rewind/goToBookmark")
    CompletableFuture<TimeResult> rewindGoToBookmark(Arguments args);

    @JsonRequest("rewind/renameBookmark")
    CompletableFuture<BookmarksResult> rewindRenameBookmark(Arguments args);

    @JsonRequest("rewind/deleteBookmark")
    CompletableFuture<BookmarksResult> rewindDeleteBookmark(Arguments args);

    @JsonRequest("rewind/saveRecording")
    CompletableFuture<RecordingResult> rewindSaveRecording(Arguments args);

    @JsonRequest("rewind/sessions")
    CompletableFuture<SessionsResult> rewindSessions(Arguments args);

    @JsonRequest("rewind/sources")
    CompletableFuture<SourcesResult> rewindSources(Arguments args);
}
