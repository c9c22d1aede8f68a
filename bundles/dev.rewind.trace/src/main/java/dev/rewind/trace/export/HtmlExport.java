package dev.rewind.trace.export;

import dev.rewind.trace.EventKind;
import dev.rewind.trace.Lane;
import dev.rewind.trace.Trace;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A self-contained HTML timeline (one file, no network): per-hart lanes with nested function calls, traps, memory
 * accesses, UART bytes and exits; wheel zoom, drag to pan. The page is {@code timeline.html} with the trace as JSON
 * in it ({@code {title, end, lanes:[{hart, spans:[[start,end,depth,name]], marks:[[time,kind,text]]}]}}), the
 * shape a trace view can build from {@link dev.rewind.trace.TraceBatch}es.
 */
public final class HtmlExport {
    private HtmlExport() {
    }

    public static void write(Trace t, Writer w) throws IOException {
        String page;
        try (InputStream in = HtmlExport.class.getResourceAsStream("timeline.html")) {
            if (in == null) {
                throw new IOException("timeline.html is missing from the trace bundle");
            }
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String title = Json.quote(t.label());
        w.write(page.replace("__TITLE__", title.substring(1, title.length() - 1)).replace("__DATA__", data(t)));
    }

    static String data(Trace t) {
        StringBuilder b = new StringBuilder("{\"title\":").append(Json.quote(t.label())).append(",\"end\":")
                .append(t.endTime()).append(",\"lanes\":[");
        boolean firstLane = true;
        for (Lane l : t.lanes()) {
            b.append(firstLane ? "" : ",").append("{\"hart\":").append(l.hart());
            firstLane = false;
            StringBuilder spans = new StringBuilder();
            StringBuilder marks = new StringBuilder();
            Deque<long[]> open = new ArrayDeque<>();
            for (int i = 0; i < l.size(); i++) {
                long ts = l.time()[i];
                long a = l.a()[i];
                long v = l.b()[i];
                switch (EventKind.of(l.kind()[i])) {
                    case ENTRY -> open.push(new long[] {ts, a});
                    case RETURN -> {
                        if (!open.isEmpty()) {
                            long[] s = open.pop();
                            span(spans, s[0], ts, open.size(), t.functionName(s[1]));
                        }
                    }
                    case BLOCK -> span(spans, ts, ts + v, open.size(), String.format("block 0x%x", a));
                    case EXCEPTION -> mark(marks, ts, "trap", String.format("exception %d at 0x%x", v, a));
                    case INTERRUPT -> mark(marks, ts, "trap", String.format("interrupt %d at 0x%x", v, a));
                    case LOAD -> mark(marks, ts, "mem", String.format("load 0x%x = 0x%x", a, v));
                    case STORE -> mark(marks, ts, "mem", String.format("store 0x%x = 0x%x", a, v));
                    case UART -> mark(marks, ts, "uart", "uart " + ChromeExport.printable(a));
                    case EXIT -> mark(marks, ts, "exit", "exit");
                }
            }
            long end = Math.max(t.endTime(), l.size() == 0 ? 0 : l.time()[l.size() - 1]);
            while (!open.isEmpty()) {
                long[] s = open.pop();
                span(spans, s[0], end, open.size(), t.functionName(s[1]));
            }
            b.append(",\"spans\":[").append(spans).append("],\"marks\":[").append(marks).append("]}");
        }
        return b.append("]}").toString();
    }

    private static void span(StringBuilder b, long start, long end, int depth, String name) {
        b.append(b.isEmpty() ? "" : ",").append('[').append(start).append(',').append(end).append(',').append(depth)
                .append(',').append(Json.quote(name)).append(']');
    }

    private static void mark(StringBuilder b, long ts, String kind, String text) {
        b.append(b.isEmpty() ? "" : ",").append('[').append(ts).append(",\"").append(kind).append("\",")
                .append(Json.quote(text)).append(']');
    }

}
