package dev.rewind.gdb.rsp;

/** What arrives from gdb: a packet, an interrupt (0x03), an acknowledgement, or the end of the stream. */
public sealed interface Inbound {

    /**
     * A packet whose checksum matched, escapes and run-length encoding undone; the payload's bytes as
     * ISO-8859-1 characters (one char per byte, so binary data survives).
     */
    record Packet(String payload) implements Inbound {
    }

    /** A packet that could not be taken: bad checksum, too long, or malformed framing. */
    record Corrupt(String why) implements Inbound {
    }

    /** The interrupt byte 0x03 (Ctrl-C) outside a packet. */
    record Interrupt() implements Inbound {
    }

    /** {@code +} (positive) or {@code -} (gdb asks for the last packet again). */
    record Ack(boolean positive) implements Inbound {
    }

    /** The connection closed. */
    record Eof() implements Inbound {
    }
}
