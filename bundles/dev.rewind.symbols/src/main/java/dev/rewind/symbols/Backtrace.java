package dev.rewind.symbols;

import java.util.List;

/**
 * The frames of a stopped hart, innermost first, and why unwinding stopped (e.g. "return address 0", "no call
 * frame information for 0x80000010", "frame limit 256").
 */
public record Backtrace(List<Frame> frames, String end) {
    public Backtrace {
        frames = List.copyOf(frames);
    }
}
