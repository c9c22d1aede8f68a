package dev.rewind.emulator.device;

import java.util.Objects;

/** {@link InputSource} over a fixed byte array with evenly spaced virtual times. */
final class ScheduledInput implements InputSource {

    private final byte[] bytes;
    private final long startTime;
    private final long interval;
    private int position;

    ScheduledInput(byte[] bytes, long startTime, long interval) {
        Objects.requireNonNull(bytes, "bytes");
        if (startTime < 0) {
            throw new IllegalArgumentException("input start time must not be negative: " + startTime);
        }
        if (interval < 0) {
            throw new IllegalArgumentException("input interval must not be negative: " + interval);
        }
        this.bytes = bytes.clone();
        this.startTime = startTime;
        this.interval = interval;
    }

    @Override
    public long nextTime() {
        if (position >= bytes.length) {
            return Long.MAX_VALUE;
        }
        long offset;
        try {
            offset = Math.multiplyExact(interval, (long) position);
            return Math.addExact(startTime, offset);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE - 1; // so far in the future it never comes, but still "has a byte"
        }
    }

    @Override
    public int take() {
        if (position >= bytes.length) {
            throw new IllegalStateException("no more input (" + bytes.length + " bytes consumed)");
        }
        return bytes[position++] & 0xFF;
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public void seek(long newPosition) {
        if (newPosition < 0 || newPosition > bytes.length) {
            throw new IllegalArgumentException(
                    "input position " + newPosition + " outside 0.." + bytes.length);
        }
        position = (int) newPosition;
    }
}
