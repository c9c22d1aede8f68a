package dev.rewind.mcd.backend;

import java.io.ByteArrayOutputStream;

/**
 * The UART console as an MCD communication channel: guest output is kept (up to a bound)
 * for mcd_receive_msg_f; bytes sent with mcd_send_msg_f are queued as guest input. The
 * engine-side wiring (a ConsoleSink writing here, an InputSource reading the queue) is done
 * by {@link MachineEngine}.
 */
final class Console {
    static final int MAX_PENDING = 1 << 20;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream in = new ByteArrayOutputStream();
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

    /** Host sent bytes to the guest. */
    synchronized void send(byte[] msg) {
        in.write(msg, 0, msg.length);
    }

    /** Bytes sent by the host and not yet handed to the machine. */
    synchronized byte[] drainInput() {
        byte[] b = in.toByteArray();
        in.reset();
        return b;
    }

    synchronized void reset() {
        out.reset();
        in.reset();
    }

    synchronized long dropped() {
        return dropped;
    }
}
