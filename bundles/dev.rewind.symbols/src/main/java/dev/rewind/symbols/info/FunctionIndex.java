package dev.rewind.symbols.info;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** pc → function by binary search over all functions' ranges, sorted by start. Immutable. */
final class FunctionIndex {
    private final long[] lows;
    private final long[] highs;
    private final Function[] functions;

    FunctionIndex(List<Function> fns) {
        record E(long lo, long hi, Function f) {
        }
        List<E> all = new ArrayList<>();
        for (Function f : fns) {
            for (PcRange r : f.ranges()) {
                all.add(new E(r.low(), r.high(), f));
            }
        }
        all.sort(Comparator.comparing(E::lo, Long::compareUnsigned));
        lows = new long[all.size()];
        highs = new long[all.size()];
        functions = new Function[all.size()];
        for (int i = 0; i < all.size(); i++) {
            lows[i] = all.get(i).lo();
            highs[i] = all.get(i).hi();
            functions[i] = all.get(i).f();
        }
    }

    Function at(long pc) {
        int lo = 0;
        int hi = lows.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(lows[mid], pc) <= 0) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        // ranges do not nest in C; a few steps back cover overlapping ranges of broken input
        for (int i = found; i >= 0 && i > found - 8; i--) {
            if (Long.compareUnsigned(pc, lows[i]) >= 0 && Long.compareUnsigned(pc, highs[i]) < 0) {
                return functions[i];
            }
        }
        return null;
    }
}
