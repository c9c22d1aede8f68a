package dev.rewind.dap.trace;

import dev.rewind.dap.ProgramSymbols;
import dev.rewind.trace.EventKind;
import dev.rewind.trace.TraceBatch;
import java.util.ArrayList;
import java.util.List;

/**
 * A session's trace as its DAP client sees it: the entries worth a line in a trace view (function entries, traps,
 * stores to traced memory, exits), per hart in time order, at most {@value #PER_HART} per hart (oldest dropped).
 */
public final class TraceEntries {
    static final int PER_HART = 5000;

    /** One line of the client's trace view ({@code kind}: call, trap, write, exit). */
    public record Entry(int hart, long time, String kind, String text) {
    }

    /** An entry and whether the client has it. */
    private static final class Slot {
        final Entry entry;
        boolean sent;

        Slot(Entry entry) {
            this.entry = entry;
        }
    }

    private final ProgramSymbols symbols;
    private final List<List<Slot>> harts = new ArrayList<>();

    TraceEntries(ProgramSymbols symbols) {
        this.symbols = symbols;
    }

    /** Adds the batch's entries worth showing. */
    void add(TraceBatch b) {
        List<Slot> lane = lane(b.hart());
        for (int i = 0; i < b.times().length; i++) {
            Entry e = entry(b.hart(), b.times()[i], (int) b.kinds()[i], b.a()[i], b.b()[i]);
            if (e != null) {
                lane.add(new Slot(e));
            }
        }
        if (lane.size() > PER_HART) {
            lane.subList(0, lane.size() - PER_HART).clear();
        }
    }

    /** Forgets the entries later than {@code time} (the timeline was changed there); whether the client had any. */
    boolean cut(long time) {
        boolean had = false;
        for (List<Slot> lane : harts) {
            for (Slot s : lane) {
                had |= s.sent && s.entry.time() > time;
            }
            lane.removeIf(s -> s.entry.time() > time);
        }
        return had;
    }

    /** The client drops the entries later than {@code time} (time went back); whether it had any. */
    boolean unsend(long time) {
        boolean had = false;
        for (List<Slot> lane : harts) {
            for (Slot s : lane) {
                if (s.sent && s.entry.time() > time) {
                    s.sent = false;
                    had = true;
                }
            }
        }
        return had;
    }

    /**
     * The entries up to {@code now} the client does not have, in time order, at most the last {@code max} of them;
     * all of them count as sent from now on.
     */
    List<Entry> take(long now, int max) {
        List<Entry> out = new ArrayList<>();
        for (List<Slot> lane : harts) {
            for (Slot s : lane) {
                if (!s.sent && s.entry.time() <= now) {
                    s.sent = true;
                    out.add(s.entry);
                }
            }
        }
        out.sort((x, y) -> x.time() != y.time() ? Long.compare(x.time(), y.time()) : Integer.compare(x.hart(), y.hart()));
        return out.size() > max ? List.copyOf(out.subList(out.size() - max, out.size())) : out;
    }

    private List<Slot> lane(int hart) {
        while (harts.size() <= hart) {
            harts.add(new ArrayList<>());
        }
        return harts.get(hart);
    }

    private Entry entry(int hart, long time, int code, long a, long b) {
        return switch (EventKind.of(code)) {
            case ENTRY -> new Entry(hart, time, "call", symbols.describe(a).orElse(hex(a)));
            case EXCEPTION -> new Entry(hart, time, "trap", "cause " + b + " at " + hex(a));
            case INTERRUPT -> new Entry(hart, time, "trap", "interrupt " + b + " at " + hex(a));
            case STORE -> new Entry(hart, time, "write", symbols.describe(a).orElse(hex(a)) + " = " + value(code, b));
            case EXIT -> new Entry(hart, time, "exit", "hart " + hart + " exited");
            default -> null;
        };
    }

    private static String value(int code, long b) {
        int size = EventKind.size(code);
        long v = size >= 8 || size <= 0 ? b : b << (64 - 8 * size) >> (64 - 8 * size);
        return Long.toString(v);
    }

    private static String hex(long a) {
        return "0x" + Long.toHexString(a);
    }
}
