package dev.rewind.emulator.cpu;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Diagnostics ({@code -Drewind.jit.trips=true}): counts the slice loop's trips per (region it came from, pc, region it
 * goes to) and prints the busiest at exit. Per machine; never changes execution.
 */
final class TripStats {
    static final boolean ON = Boolean.getBoolean("rewind.jit.trips");

    private final Map<String, long[]> edges = new HashMap<>();
    private long prev;
    private long trips;
    private long interp;
    private long slots;

    TripStats() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::print));
    }

    /** One trip of the slice loop at pc: region j (null: the interpreter) ran {@code ran} slots. */
    synchronized void record(long pc, JitCode j, long ran) {
        long to = j == null ? 0 : j.blocks[0].pc;
        String k = Long.toHexString(prev) + " " + Long.toHexString(pc) + " " + Long.toHexString(to);
        edges.computeIfAbsent(k, x -> new long[1])[0]++;
        trips++;
        interp += j == null ? 1 : 0;
        slots += ran;
        prev = to;
    }

    private synchronized void print() {
        if (trips < 1000) {
            return;
        }
        List<Map.Entry<String, long[]>> l = new ArrayList<>(edges.entrySet());
        l.sort((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]));
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("TRIPS %d interp %d slots %d insns/trip %.1f%n", trips, interp, slots,
                slots / (double) trips));
        for (int i = 0; i < Math.min(60, l.size()); i++) {
            sb.append(String.format("EDGE %s %d %.2f%%%n", l.get(i).getKey(), l.get(i).getValue()[0],
                    100.0 * l.get(i).getValue()[0] / trips));
        }
        System.err.print(sb);
    }
}
