package dev.rewind.trace;

import java.util.List;
import java.util.Map;

/**
 * A snapshot of a trace: one lane per hart and the names of the functions its ENTRY events refer to.
 *
 * @param label     what was traced (the program)
 * @param xlen      32 or 64
 * @param endTime   virtual time when the snapshot was taken
 * @param functions function entry address to name
 */
public record Trace(String label, int xlen, long endTime, List<Lane> lanes, Map<Long, String> functions) {

    public String functionName(long pc) {
        String n = functions.get(pc);
        return n != null ? n : String.format("0x%x", pc);
    }

    public long events() {
        long n = 0;
        for (Lane l : lanes) {
            n += l.size();
        }
        return n;
    }
}
