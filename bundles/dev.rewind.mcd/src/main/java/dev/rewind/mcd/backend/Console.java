package dev.rewind.mcd.backend;

import java.io.ByteArrayOutputStream;

/**
 * The UART console as an MCD communication channel: guest output is kept (up to a bound)
 * for mcd_receive_msg_f (only live output: the engine does not repeat output while it
 * replays history). Bytes sent with mcd_send_msg_f go to the engine's input log at the
 * current virtual time ({@link Engine#sendInput}).
 */
final class Console {
    static final int MAX_PENDING = 1 << 20;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private long dropped;

    /** Guest wrote a byte (machine thread). */
    synchronized void guestByte(int b) {
        if (out.size() >= MAX_PENDING) {
            dropped++;
            return;
        }
        out.write(b);
        notifyAll();
    }

    /** Take up to {@code max} bytes of guest output, waiting up to {@code timeoutMs} for the first. */
    synchronized byte[] take(int max, int timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (out.size() == 0 && timeoutMs > 0) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                break;
            }
            wait(left);
        }
        byte[] all = out.toByteArray();
        int n = Math.min(max, all.length);
        byte[] result = java.util.Arrays.copyOf(all, n);
        out.reset();
        out.write(all, n, all.length - n);
        return result;
    }

    synchronized void reset() {
        out.reset();
    }

    synchronized long dropped() {
        return dropped;
    }
}
