package dev.rewind.gdb;

import dev.rewind.gdb.rsp.Hex;
import dev.rewind.gdb.rsp.PacketWriter;
import java.io.IOException;

/**
 * The guest's console output towards gdb: {@code O} packets, which gdb takes only while the target runs; what
 * comes while it is stopped waits (bounded) for the next run. Confined to the connection's thread.
 */
final class ConsoleOut {
    private static final int MAX_BACKLOG = 1 << 16;
    private static final int CHUNK = 1024;

    private final PacketWriter writer;
    private final StringBuilder held = new StringBuilder();

    ConsoleOut(PacketWriter writer) {
        this.writer = writer;
    }

    /** Output of the guest: sent now while running, else held (beyond the backlog bound, dropped). */
    void output(String text, boolean running) throws IOException {
        if (running) {
            send(text);
        } else if (held.length() < MAX_BACKLOG) {
            held.append(text);
        }
    }

    /** Sends what was held. */
    void flush() throws IOException {
        if (!held.isEmpty()) {
            String text = held.toString();
            held.setLength(0);
            send(text);
        }
    }

    void send(String text) throws IOException {
        for (int i = 0; i < text.length(); i += CHUNK) {
            writer.send("O" + Hex.encode(text.substring(i, Math.min(text.length(), i + CHUNK))));
        }
    }
}
