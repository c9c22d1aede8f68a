package dev.rewind.debug.bus;

import dev.rewind.bus.Topic;
import dev.rewind.debug.SessionEvent;

/** The records the debug services post on the event bus, one per {@link SessionEvent} kind, plus start. */
public final class SessionBusEvents {
    private SessionBusEvents() {
    }

    @Topic("dev/rewind/session/started")
    public record Started(String session, String program, int harts) {
    }

    @Topic("dev/rewind/session/running")
    public record Running(String session, long time) {
    }

    @Topic("dev/rewind/session/stopped")
    public record Stopped(String session, String reason, int hart, long time, long pc, int breakpoint, int exitCode,
            String description) {
    }

    @Topic("dev/rewind/session/output")
    public record Output(String session, String text, boolean log) {
    }

    @Topic("dev/rewind/session/invalidated")
    public record Invalidated(String session, long time, boolean timeTravel) {
    }

    @Topic("dev/rewind/session/breakpoint")
    public record BreakpointChanged(String session, int id, boolean removed, boolean verified, int hits) {
    }

    /** Bookmark names joined by newlines, with their times in the same order. */
    @Topic("dev/rewind/session/bookmarks")
    public record Bookmarks(String session, String names, long[] times) {
    }

    @Topic("dev/rewind/session/ended")
    public record Ended(String session) {
    }

    /** The bus record for a session event. */
    public static Record of(SessionEvent e) {
        return switch (e) {
            case SessionEvent.Running r -> new Running(r.sessionId(), r.time());
            case SessionEvent.Stopped s -> new Stopped(s.sessionId(), s.stop().reason().name(), s.stop().hart(),
                    s.stop().time(), s.stop().pc(), s.stop().breakpointId(), s.stop().exitCode(),
                    s.stop().description());
            case SessionEvent.Output o -> new Output(o.sessionId(), o.text(), o.log());
            case SessionEvent.Invalidated i -> new Invalidated(i.sessionId(), i.time(), i.timeTravel());
            case SessionEvent.BreakpointChanged b -> new BreakpointChanged(b.sessionId(), b.breakpoint().id(),
                    b.removed(), b.breakpoint().verified(), b.breakpoint().hits());
            case SessionEvent.BookmarksChanged b -> new Bookmarks(b.sessionId(),
                    String.join("\n", b.bookmarks().stream().map(dev.rewind.debug.Bookmark::name).toList()),
                    b.bookmarks().stream().mapToLong(dev.rewind.debug.Bookmark::time).toArray());
            case SessionEvent.Ended x -> new Ended(x.sessionId());
        };
    }
}
