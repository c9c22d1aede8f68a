package dev.rewind.emulator.travel;

import dev.rewind.emulator.device.InputSource;
import java.util.Arrays;
import java.util.List;
import java.util.ArrayList;

/**
 * Console input as a log of timed bytes: the machine's {@link InputSource} and, in a {@link Recording}, the
 * input needed to replay a run. Bytes are appended at non-decreasing virtual times (live input arrives at
 * the newest point of history); replay from any snapshot sees exactly the same bytes at the same times.
 * Not thread-safe: append from the thread that drives the machine.
 */
public final class InputLog implements InputSource {

    /** One input byte (0..255) available from virtual time {@code time}. */
    public record Entry(long time, int value) {
        public Entry {
            if (time < 0 || value < 0 || value > 255) {
                throw new IllegalArgumentException("bad input entry: time " + time + ", byte " + value);
            }
        }
    }

    private long[] times = new long[16];
    private byte[] bytes = new byte[16];
    private int size;
    private int position;

    public InputLog() {
    }

    /** A log holding {@code entries} (times non-decreasing). */
    public InputLog(List<Entry> entries) {
        for (Entry e : entries) {
            append(e.time(), e.value());
        }
    }

    /**
     * Appends one byte available from {@code time}.
     *
     * @throws IllegalArgumentException if {@code time} is earlier than the last entry's time
     */
    public void append(long time, int value) {
        new Entry(time, value);
        if (size > 0 && time < times[size - 1]) {
            throw new IllegalArgumentException("input time " + time + " is earlier than the last input at "
                    + times[size - 1]);
        }
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            bytes = Arrays.copyOf(bytes, size * 2);
        }
        times[size] = time;
        bytes[size] = (byte) value;
        size++;
    }

    /** Appends {@code data}, every byte available from {@code time}. */
    public void append(long time, byte[] data) {
        for (byte b : data) {
            append(time, b & 0xFF);
        }
    }

    /** Drops every entry whose time is after {@code time} (a discarded future). Returns how many. */
    public int truncateAfter(long time) {
        int n = size;
        while (size > 0 && times[size - 1] > time) {
            size--;
        }
        position = Math.min(position, size);
        return n - size;
    }

    public int size() {
        return size;
    }

    /** All entries, in order. */
    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(new Entry(times[i], bytes[i] & 0xFF));
        }
        return out;
    }

    @Override
    public long nextTime() {
        return position < size ? times[position] : Long.MAX_VALUE;
    }

    @Override
    public int take() {
        if (position >= size) {
            throw new IllegalStateException("no more input (" + size + " bytes consumed)");
        }
        return bytes[position++] & 0xFF;
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public void seek(long newPosition) {
        if (newPosition < 0 || newPosition > size) {
            throw new IllegalArgumentException("input position " + newPosition + " outside 0.." + size);
        }
        position = (int) newPosition;
    }
}
