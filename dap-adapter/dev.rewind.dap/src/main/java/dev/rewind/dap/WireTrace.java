package dev.rewind.dap;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.debug.messages.DebugNotificationMessage;
import org.eclipse.lsp4j.jsonrpc.debug.messages.DebugRequestMessage;
import org.eclipse.lsp4j.jsonrpc.debug.messages.DebugResponseMessage;
import org.eclipse.lsp4j.jsonrpc.messages.Message;

/**
 * A timeline of one connection's messages for latency work: with {@code REWIND_DAP_TRACE=FILE} in the adapter's
 * environment, one line per message is appended to FILE: milliseconds since the epoch (fractional), {@code <} in or
 * {@code >} out, the kind and command or event, the request's seq (also on its response) and, for a stackTrace
 * request, the thread id. Off (no cost) without the variable.
 */
final class WireTrace {

    private final PrintStream out;

    private WireTrace(PrintStream out) {
        this.out = out;
    }

    /** The trace the environment asks for, or null. */
    static WireTrace fromEnvironment() {
        String file = System.getenv("REWIND_DAP_TRACE");
        if (file == null || file.isBlank()) {
            return null;
        }
        try {
            OutputStream s = Files.newOutputStream(Path.of(file), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return new WireTrace(new PrintStream(s, true, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            System.err.println("rewind dap: cannot write the trace REWIND_DAP_TRACE=" + file + ": " + e.getMessage());
            return null;
        }
    }

    MessageConsumer wrap(MessageConsumer consumer, boolean outgoing) {
        return message -> {
            log(message, outgoing);
            consumer.consume(message);
        };
    }

    private void log(Message m, boolean outgoing) {
        String what;
        if (m instanceof DebugRequestMessage r) {
            String thread = "";
            if ("stackTrace".equals(r.getMethod()) && r.getParams() instanceof org.eclipse.lsp4j.debug.StackTraceArguments a) {
                thread = " thread=" + a.getThreadId();
            }
            what = "request " + r.getMethod() + " " + r.getId() + thread;
        } else if (m instanceof DebugResponseMessage r) {
            what = "response " + r.getMethod() + " " + r.getId(); // the request's seq
        } else if (m instanceof DebugNotificationMessage n) {
            what = "event " + n.getMethod();
        } else {
            what = String.valueOf(m);
        }
        java.time.Instant now = java.time.Instant.now();
        double ms = now.getEpochSecond() * 1000.0 + now.getNano() / 1e6;
        synchronized (out) {
            out.printf(java.util.Locale.ROOT, "%.3f %s %s%n", ms, outgoing ? ">" : "<", what);
        }
    }
}
