package dev.rewind.debug;

import java.util.function.IntConsumer;

/**
 * Every byte the guest writes to its console, replays included, for front ends that keep their own console
 * history (the shell's {@code mcd:} commands). Others use the session's {@code Output} events, which carry only
 * new output. Get it with {@code session.adapt(RawConsole.class)}.
 */
public interface RawConsole {
    /** Adds a tap; it is called on the engine's thread and must not block. Close the handle to remove it. */
    AutoCloseable tap(IntConsumer bytes);
}
