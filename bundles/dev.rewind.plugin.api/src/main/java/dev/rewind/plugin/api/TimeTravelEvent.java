package dev.rewind.plugin.api;

/** What time travel did. */
public enum TimeTravelEvent {
    /** Execution from here on replays history ({@link PluginContext#replaying()} is true). */
    REPLAY_START,
    /** Execution from here on is live again. */
    REPLAY_END,
    /** A reverse operation or a jump in time arrived: the machine is now at {@code time}, in the past or not. */
    LANDED
}
