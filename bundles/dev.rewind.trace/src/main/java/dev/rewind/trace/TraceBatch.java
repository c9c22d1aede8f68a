package dev.rewind.trace;

import dev.rewind.bus.Topic;

/**
 * Trace events of one hart on the event bus, in time order (per-instruction data never travels one event at a
 * time). Columns as in {@link Lane}; {@code kinds} holds {@link EventKind} codes. {@code sequence} counts the
 * batches of one trace (all harts), so a view notices a gap.
 */
@Topic("dev/rewind/trace/batch")
public record TraceBatch(String trace, int hart, long sequence, long[] times, long[] kinds, long[] a, long[] b) {
}
