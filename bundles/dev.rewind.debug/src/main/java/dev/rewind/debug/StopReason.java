package dev.rewind.debug;

/** Why the machine stopped. */
public enum StopReason {
    /** Stopped at the program entry after launch (time 0) or after a reset. */
    ENTRY,
    /** An instruction breakpoint ({@link Stop#breakpointId()}). */
    BREAKPOINT,
    /** A watchpoint ({@link Stop#breakpointId()}, {@link Stop#watch()}). */
    WATCHPOINT,
    /** A step (instruction, range, out) finished. */
    STEP,
    /** Paused on request. */
    PAUSE,
    /** The guest exited ({@link Stop#exitCode()}); the machine cannot run further forward. */
    EXIT,
    /** A guest trap the user asked to stop at ({@link Stop#trapCause()}, {@link Stop#trapValue()}). */
    TRAP,
    /** A reverse operation reached the start of the recorded history. */
    HISTORY_START,
    /** A replay reached the newest point of history (the frontier). */
    HISTORY_END,
    /** A go-to-time or go-to-bookmark landed. */
    GOTO,
    /** Every hart sleeps with nothing to wake it, or the engine reported a failure ({@link Stop#description()}). */
    HALTED
}
