package dev.rewind.trace.export;

import dev.rewind.trace.EventKind;
import dev.rewind.trace.Lane;
import dev.rewind.trace.Trace;
import java.io.IOException;
import java.io.Writer;

/**
 * Chrome trace-event JSON (opens in Perfetto and {@code chrome://tracing}): one thread per hart, function calls as
 * B/E duration events (calls still open at the end are closed there), blocks as complete events, traps, memory
 * accesses, UART bytes and exits as instant events. Timestamps are virtual time: 1 µs on the time axis is one
 * instruction slot of the machine.
 */
public final class ChromeExport {
    private ChromeExport() {
    }

    public static void write(Trace t, Writer w) throws IOException {
        w.write("{\"displayTimeUnit\":\"ns\",\"otherData\":{\"program\":" + Json.quote(t.label())
                + ",\"clock\":\"virtual time, 1 us = 1 instruction slot\"},\"traceEvents\":[\n");
        w.write("{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":0,\"args\":{\"name\":" + Json.quote(t.label()) + "}}");
        for (Lane l : t.lanes()) {
            w.write(",\n{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":0,\"tid\":" + l.hart()
                    + ",\"args\":{\"name\":\"hart " + l.hart() + "\"}}");
        }
        for (Lane l : t.lanes()) {
            int depth = 0;
            for (int i = 0; i < l.size(); i++) {
                long ts = l.time()[i];
                long a = l.a()[i];
                long b = l.b()[i];
                String head = ",\n{\"pid\":0,\"tid\":" + l.hart() + ",\"ts\":" + ts + ",";
                EventKind k = EventKind.of(l.kind()[i]);
                switch (k) {
                    case ENTRY -> {
                        depth++;
                        w.write(head + "\"ph\":\"B\",\"cat\":\"call\",\"name\":" + Json.quote(t.functionName(a))
                                + ",\"args\":{\"pc\":" + Json.hex(a) + "}}");
                    }
                    case RETURN -> {
                        if (depth > 0) {
                            depth--;
                            w.write(head + "\"ph\":\"E\"}");
                        }
                    }
                    case BLOCK -> w.write(head + "\"ph\":\"X\",\"dur\":" + b + ",\"cat\":\"block\",\"name\":\"block "
                            + Long.toHexString(a) + "\"}");
                    case EXCEPTION, INTERRUPT -> w.write(head + "\"ph\":\"i\",\"s\":\"t\",\"cat\":\"trap\",\"name\":\""
                            + k.name().toLowerCase() + " " + b + "\",\"args\":{\"epc\":" + Json.hex(a) + ",\"cause\":"
                            + b + "}}");
                    case LOAD, STORE -> w.write(head + "\"ph\":\"i\",\"s\":\"t\",\"cat\":\"mem\",\"name\":\""
                            + k.name().toLowerCase() + "\",\"args\":{\"addr\":" + Json.hex(a) + ",\"value\":"
                            + Json.hex(b) + ",\"size\":" + EventKind.size(l.kind()[i]) + "}}");
                    case UART -> w.write(head + "\"ph\":\"i\",\"s\":\"t\",\"cat\":\"uart\",\"name\":"
                            + Json.quote("uart " + printable(a)) + ",\"args\":{\"byte\":" + a + "}}");
                    case EXIT -> w.write(head + "\"ph\":\"i\",\"s\":\"t\",\"cat\":\"exit\",\"name\":\"exit\"}");
                }
            }
            long end = Math.max(t.endTime(), l.size() == 0 ? 0 : l.time()[l.size() - 1]);
            for (; depth > 0; depth--) {
                w.write(",\n{\"pid\":0,\"tid\":" + l.hart() + ",\"ts\":" + end + ",\"ph\":\"E\"}");
            }
        }
        w.write("\n]}\n");
    }

    static String printable(long c) {
        return c >= 0x20 && c < 0x7f ? "'" + (char) c + "'" : String.format("0x%02x", c);
    }
}
