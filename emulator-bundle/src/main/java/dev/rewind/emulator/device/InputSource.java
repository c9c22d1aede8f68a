package dev.rewind.emulator.device;

/**
 * Deterministic console input: a sequence of bytes, each with the virtual time from which the guest may
 * read it. Devices consume it in order; a byte is available once {@link DeviceContext#now()} has reached
 * its time.
 *
 * <p>The consumption position is part of machine state: devices store {@link #position()} in their saved
 * state and {@link #seek(long)} back to it on restore, so replay after a snapshot restore sees exactly the
 * same input.
 */
public interface InputSource {

    /** Virtual time of the next byte, or {@code Long.MAX_VALUE} when there is none (now or ever). */
    long nextTime();

    /**
     * Consumes and returns the next byte (0..255).
     *
     * @throws IllegalStateException when there is no next byte
     */
    int take();

    /** Number of bytes consumed so far. */
    long position();

    /**
     * Moves the consumption position (to a value earlier returned by {@link #position()}).
     *
     * @throws IllegalArgumentException when the position is negative or beyond the available bytes
     */
    void seek(long position);

    /** A source that never delivers anything. */
    static InputSource none() {
        return new ScheduledInput(new byte[0], 0, 0);
    }

    /**
     * A source that delivers {@code bytes} in order, byte {@code i} from virtual time
     * {@code startTime + i * interval}.
     *
     * @throws IllegalArgumentException for a negative start time or interval
     */
    static InputSource of(byte[] bytes, long startTime, long interval) {
        return new ScheduledInput(bytes, startTime, interval);
    }
}
