package dev.rewind.symbols.dwarf;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The FDEs of .debug_frame and .eh_frame, indexed by address (binary search). A malformed entry is recorded in
 * {@link #problems()} and skipped; reading goes on with the next entry when its length is sane. Immutable.
 */
public final class CallFrameInfo {

    private final Map<String, DwarfCursor> sections = new HashMap<>();
    private final Fde[] fdes;
    private final long[] maxEnd;
    private final List<String> problems;

    /**
     * @param debugFrame   .debug_frame or null
     * @param ehFrame      .eh_frame or null
     * @param ehFrameAddr  the address .eh_frame is loaded at (for pc-relative pointers)
     * @param addressSize  the target's address size (4 or 8)
     */
    public CallFrameInfo(ByteBuffer debugFrame, ByteBuffer ehFrame, long ehFrameAddr, int addressSize) {
        List<Fde> all = new ArrayList<>();
        List<String> found = new ArrayList<>();
        if (debugFrame != null) {
            DwarfCursor c = new DwarfCursor(debugFrame, ".debug_frame");
            sections.put(".debug_frame", c);
            new CfiParser(c, false, 0, addressSize).parse(all, found);
        }
        if (ehFrame != null) {
            DwarfCursor c = new DwarfCursor(ehFrame, ".eh_frame");
            sections.put(".eh_frame", c);
            new CfiParser(c, true, ehFrameAddr, addressSize).parse(all, found);
        }
        // .debug_frame first for equal starts: it is the one the compiler wrote for debuggers
        all.sort((a, b) -> Long.compareUnsigned(a.pcBegin(), b.pcBegin()));
        fdes = all.toArray(new Fde[0]);
        maxEnd = new long[fdes.length];
        for (int i = 0; i < fdes.length; i++) {
            long e = fdes[i].pcEnd();
            maxEnd[i] = i == 0 || Long.compareUnsigned(e, maxEnd[i - 1]) > 0 ? e : maxEnd[i - 1];
        }
        problems = List.copyOf(found);
    }

    public List<String> problems() {
        return problems;
    }

    public List<Fde> fdes() {
        return List.of(fdes);
    }

    /** The FDE covering {@code pc}. */
    public Optional<Fde> find(long pc) {
        int lo = 0;
        int hi = fdes.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(fdes[mid].pcBegin(), pc) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int i = lo - 1; i >= 0 && Long.compareUnsigned(pc, maxEnd[i]) < 0; i--) {
            if (fdes[i].contains(pc) && fdes[i].pcBegin() != fdes[i].pcEnd()) {
                return Optional.of(fdes[i]);
            }
        }
        return Optional.empty();
    }

    /** The unwind row in effect at {@code pc}, if an FDE covers it. */
    public Optional<CfiRow> rowAt(long pc) {
        return find(pc).map(f -> CfiInterpreter.rowAt(sections.get(f.section()), f, pc));
    }
}
