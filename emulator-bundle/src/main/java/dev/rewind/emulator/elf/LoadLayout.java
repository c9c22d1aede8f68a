package dev.rewind.emulator.elf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where an executable's {@code PT_LOAD} segments land and where it starts: no two segments may load into the same
 * physical bytes, and the entry point must lie in the load range of an executable ({@code PF_X}) segment. Harts
 * start at {@code e_entry} with address translation off, so it is checked against physical (load) addresses.
 */
final class LoadLayout {

    /** A {@code PT_LOAD} segment (non-zero memory size) and the index of its program header. */
    record Numbered(int header, ElfSegment segment) {
    }

    private LoadLayout() {
    }

    static void check(List<Numbered> segments, long entry) throws ElfFormatException {
        checkNoOverlap(segments);
        checkEntry(segments, entry);
    }

    private static void checkNoOverlap(List<Numbered> segments) throws ElfFormatException {
        // Sorted by start, a segment overlaps some later one exactly when it overlaps the next one.
        List<Numbered> byStart = new ArrayList<>(segments);
        byStart.sort(Comparator.comparing((Numbered n) -> n.segment().paddr(), Long::compareUnsigned));
        for (int i = 1; i < byStart.size(); i++) {
            Numbered lo = byStart.get(i - 1);
            Numbered hi = byStart.get(i);
            if (Long.compareUnsigned(hi.segment().paddr() - lo.segment().paddr(), lo.segment().memSize()) < 0) {
                Numbered first = lo.header() < hi.header() ? lo : hi;
                Numbered second = first == lo ? hi : lo;
                throw new ElfFormatException("PT_LOAD segments overlap in physical memory: " + describe(first)
                        + " and " + describe(second));
            }
        }
    }

    private static void checkEntry(List<Numbered> segments, long entry) throws ElfFormatException {
        List<String> executable = new ArrayList<>();
        for (Numbered n : segments) {
            ElfSegment s = n.segment();
            if (s.executable()) {
                if (Long.compareUnsigned(entry - s.paddr(), s.memSize()) < 0) {
                    return;
                }
                executable.add(describe(n));
            }
        }
        throw new ElfFormatException(String.format("entry point 0x%x lies in no executable PT_LOAD segment (%s)",
                entry, executable.isEmpty() ? "no PT_LOAD segment has PF_X"
                        : "executable: " + String.join(", ", executable)));
    }

    private static String describe(Numbered n) {
        return String.format("program header %d (p_paddr 0x%x + p_memsz 0x%x)", n.header(), n.segment().paddr(),
                n.segment().memSize());
    }
}
