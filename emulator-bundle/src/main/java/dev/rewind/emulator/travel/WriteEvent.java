package dev.rewind.emulator.travel;

import java.util.Objects;

/**
 * A {@link DebuggerWrite} made at virtual time {@code time}, with the machine's state hash right after it: a replay
 * applies the write when it reaches {@code time} (after any earlier write at the same time) and can check that it
 * reached the same state.
 *
 * @param time      virtual time of the write
 * @param write     what was written
 * @param stateHash {@code Machine.stateHash()} just after the write
 */
public record WriteEvent(long time, DebuggerWrite write, long stateHash) {

    public WriteEvent {
        Objects.requireNonNull(write, "write");
        if (time < 0) {
            throw new IllegalArgumentException("write time must not be negative: " + time);
        }
    }
}
