package dev.rewind.mcd.backend;

import dev.rewind.mcd.backend.StopState.StopRecord;
import java.util.List;

/**
 * What an engine stop at a breakpoint or watchpoint means for the debugger: the triggers it hit (of the hart that hit
 * it, with their data conditions) and the stop the first of them that stops the machine reports.
 */
final class TriggerStops {
    private final TriggerTable triggers;

    TriggerStops(TriggerTable triggers) {
        this.triggers = triggers;
    }

    /** Marks every trigger hit by {@code s} captured; the stop it reports, or null if none stops the machine. */
    StopRecord capture(Engine.Stop s) {
        List<TriggerTable.Entry> hits = matching(s);
        for (TriggerTable.Entry e : hits) {
            e.captured = true;
        }
        TriggerTable.Entry e = TriggerTable.stopping(hits);
        return e != null ? record(e, s) : null;
    }

    /**
     * The stop forward execution would report for {@code s}, or null if no trigger stops there (another hart's
     * trigger, data condition not met, DEFAULT action). No side effects (time travel asks this while searching).
     */
    StopRecord wouldStop(Engine.Stop s) {
        TriggerTable.Entry e = TriggerTable.stopping(matching(s));
        return e != null ? record(e, s) : null;
    }

    private List<TriggerTable.Entry> matching(Engine.Stop s) {
        return s.kind() == Engine.Kind.BREAKPOINT ? triggers.matchExecution(s.hart(), s.address())
                : triggers.matchAccess(s.hart(), s.address(), s.size(), s.value(), s.accessKind());
    }

    private static StopRecord record(TriggerTable.Entry e, Engine.Stop s) {
        String what = s.kind() == Engine.Kind.BREAKPOINT ? "breakpoint at 0x" + Long.toHexString(s.address())
                : "watchpoint: " + (s.accessKind() == TriggerTable.WATCH_READ ? "read" : "write") + " of " + s.size()
                        + " bytes at 0x" + Long.toHexString(s.address()) + " value 0x" + Long.toHexString(s.value());
        return new StopRecord(s.hart(), e.id, e.owner, "hart " + s.hart() + ": " + what + " (trigger " + e.id
                + " of core " + e.owner + ")", false);
    }
}
