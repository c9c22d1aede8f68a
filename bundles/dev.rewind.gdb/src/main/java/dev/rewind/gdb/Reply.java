package dev.rewind.gdb;

import dev.rewind.debug.Stop;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** What the connection does with a packet. */
sealed interface Reply {

    /** Send this packet (the empty string is the "unsupported" reply). */
    record Text(String payload) implements Reply {
    }

    /** Print {@code output} on gdb's console ({@code O} packets), then send {@code payload}. */
    record Console(String output, String payload) implements Reply {
    }

    /** Start running; the stop reply follows when the future completes. */
    record Run(Supplier<CompletableFuture<Stop>> start) implements Reply {
    }

    /** Send {@code OK}, then switch acknowledgements off. */
    record StartNoAck() implements Reply {
    }

    /** Send {@code payload} (if not null) and close the connection; {@code end} ends the session too. */
    record Close(String payload, boolean end) implements Reply {
    }
}
