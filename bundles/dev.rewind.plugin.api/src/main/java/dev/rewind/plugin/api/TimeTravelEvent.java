package dev.rewind.plugin.api;

/** What time travel did. */
public enum TimeTravelEvent {
    /** Execution from here on replays history ({@link PluginContext#replaying()} is true). */
    REPLAY_START,
    /** Execution from here on is live again. */
    REPLAY_END,
    /** A reverse operation or a jump in time arrived: the machine is now at {@code time}, in the past or not. */
    LANDED,
    /**
     * The past was changed at {@code time} (a debugger write while in the past): history after it is gone, and what a
     * plugin recorded after {@code time} belongs to a timeline that no longer exists.
     */
    TIMELINE_CUT
}
