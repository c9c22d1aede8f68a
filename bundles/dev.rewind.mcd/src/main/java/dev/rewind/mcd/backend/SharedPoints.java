package dev.rewind.mcd.backend;

import java.util.Map;
import java.util.TreeMap;

/**
 * The engine's breakpoints and watchpoints behind the triggers, shared by reference count: several triggers may cover
 * the same address (and range and kind), and the engine's point goes when the last of them does.
 */
final class SharedPoints {
    private final TriggerTable.Arming arming;
    private final Map<Long, Integer> bpRefs = new TreeMap<>();
    private final Map<String, Integer> wpRefs = new TreeMap<>();

    SharedPoints(TriggerTable.Arming arming) {
        this.arming = arming;
    }

    void arm(TriggerTable.Entry e, boolean on) {
        long addr = e.start().address();
        if (e.isIp()) {
            int n = bpRefs.merge(addr, on ? 1 : -1, Integer::sum);
            if (n <= 0) {
                bpRefs.remove(addr);
            }
            if ((on && n == 1) || (!on && n <= 0)) {
                arming.breakpoint(addr, on);
            }
        } else {
            long len = e.range() + 1;
            String key = Long.toUnsignedString(addr) + "/" + len + "/" + e.watchKind();
            int n = wpRefs.merge(key, on ? 1 : -1, Integer::sum);
            if (n <= 0) {
                wpRefs.remove(key);
            }
            if ((on && n == 1) || (!on && n <= 0)) {
                arming.watchpoint(addr, len, e.watchKind(), on);
            }
        }
    }
}
