package dev.rewind.mcd.shell;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The guest's UART output along the furthest timeline reached ("so far"). Bytes arrive on the
 * machine thread into a pending buffer; when the operation that produced them ends, the target
 * keeps them (live execution) or drops them (a replay of history the log already holds: reverse
 * operations, or running forward again through time already reached). Bounded to {@link #LIMIT} bytes.
 */
final class ConsoleLog {
    static final int LIMIT = 1 << 20;

    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private long dropped;

    /** Machine thread: the guest wrote a byte. */
    synchronized void write(byte b) {
        if (pending.size() < LIMIT) {
            pending.write(b);
        } else {
            dropped++;
        }
    }

    /** The operation that produced the pending bytes ended: keep them or drop them as a replay. */
    synchronized void commit(boolean keep) {
        if (keep) {
            int room = LIMIT - kept.size();
            int n = Math.min(room, pending.size());
            kept.write(pending.toByteArray(), 0, n);
            dropped += pending.size() - n;
        }
        pending.reset();
    }

    /** Everything kept so far, as UTF-8 (malformed bytes replaced). */
    synchronized String text() {
        return kept.toString(StandardCharsets.UTF_8);
    }

    /** Bytes lost to the size bound. */
    synchronized long dropped() {
        return dropped;
    }
}
