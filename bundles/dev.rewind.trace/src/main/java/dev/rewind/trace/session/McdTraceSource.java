package dev.rewind.trace.session;

import dev.rewind.mcd.api.Addr;
import dev.rewind.mcd.api.TraceCycle;
import dev.rewind.mcd.api.TraceFrame;
import dev.rewind.mcd.api.TraceMarker;
import dev.rewind.mcd.instrument.TraceSource;
import dev.rewind.trace.EventKind;
import dev.rewind.trace.Lane;
import dev.rewind.trace.TraceRecorder;
import java.util.ArrayList;
import java.util.List;

/**
 * A session's trace through the MCD trace functions ({@code mcd_read_trace_f} on trace 2 of each core): the
 * recorder's events of that hart up to the machine's current time, one frame each (see {@link TraceSource};
 * {@code auxInfo} is the {@link EventKind} code).
 */
final class McdTraceSource implements TraceSource {
    /** The physical memory space of the MCD back end's cores. */
    private static final int MEM_SPACE = 1;

    private final TraceRecorder recorder;
    private final String name;

    McdTraceSource(TraceRecorder recorder, String items) {
        this.recorder = recorder;
        this.name = "trace (" + items + ")";
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long frames(int hart, long now) {
        return upTo(recorder.lane(hart), now);
    }

    @Override
    public List<TraceFrame> read(int hart, long now, long start, int n) {
        Lane l = recorder.lane(hart);
        int held = upTo(l, now);
        List<TraceFrame> out = new ArrayList<>();
        for (long i = start; i < held && out.size() < n; i++) {
            int j = (int) i;
            int code = l.kind()[j];
            EventKind k = EventKind.of(code);
            TraceCycle cycle = switch (k) {
                case ENTRY, BLOCK -> TraceCycle.EXECUTE;
                case LOAD -> TraceCycle.READ;
                case STORE -> TraceCycle.WRITE;
                default -> TraceCycle.NONE;
            };
            int width = k == EventKind.LOAD || k == EventKind.STORE ? EventKind.size(code) : 0;
            out.add(new TraceFrame(l.time()[j], TraceMarker.NONE.bit(), cycle, Addr.of(MEM_SPACE, l.a()[j]), l.b()[j],
                    width, 0, hart, code));
        }
        return out;
    }

    /** How many of the lane's events (time order) are not later than {@code now}. */
    private static int upTo(Lane l, long now) {
        int lo = 0;
        int hi = l.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (l.time()[mid] <= now) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
